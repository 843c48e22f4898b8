package cn.changning.governance.contracts.assessment;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** The district's assessment of a street for a year began. */
@PublishedEvent(context = "assessment")
public record StreetAssessmentOpened(
        String assessmentId,
        int year,
        String streetCode,
        String openedBy,
        Instant openedAt) {
}
