package cn.changning.governance.contracts.assessment;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** The district recorded a street's points for an item no event measures (before the year is confirmed). */
@PublishedEvent(context = "assessment")
public record StreetItemScoreRecorded(
        String assessmentId,
        int year,
        String streetCode,
        String itemCode,
        double points,
        String recordedBy,
        Instant recordedAt) {
}
