package cn.changning.governance.contracts.assessment;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** The street's sheet was confirmed with its year: it changes from now on only by corrections. */
@PublishedEvent(context = "assessment")
public record StreetAssessmentConfirmed(
        String assessmentId,
        int year,
        String streetCode,
        double total,
        String confirmedBy,
        Instant confirmedAt) {
}
