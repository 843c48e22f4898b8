package cn.changning.governance.contracts.assessment;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** Scoring proposed the street's rating of an agency: the recorded inputs and the card they earned (so the period can be re-scored from its facts). */
@PublishedEvent(context = "assessment")
public record AgencyRatingProposed(
        String assessmentId,
        String periodId,
        String agencyId,
        AgencyScoringInputs inputs,
        PublishedScoreCard card,
        String proposedBy,
        Instant proposedAt) {
}
