package cn.changning.governance.contracts.assessment;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** Every agency and (for a year) every street of the district was scored for the period; it may be scored again until confirmed. */
@PublishedEvent(context = "assessment")
public record AssessmentPeriodScored(
        String periodId,
        int agenciesScored,
        int streetsScored,
        String scoredBy,
        Instant scoredAt) {
}
