package cn.changning.governance.contracts.assessment;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** The district confirmed the period: its results change from now on only by corrections with a reason and an author. */
@PublishedEvent(context = "assessment")
public record AssessmentPeriodConfirmed(
        String periodId,
        String confirmedBy,
        Instant confirmedAt) {
}
