package cn.changning.governance.contracts.assessment;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** The district opened an assessment period: the schemes its agencies (and, for a year, its streets) are scored under. */
@PublishedEvent(context = "assessment")
public record AssessmentPeriodOpened(
        String periodId,
        String periodKind,
        String agencySchemeId,
        String streetSchemeId,
        String openedBy,
        Instant openedAt) {
}
