package cn.changning.governance.contracts.assessment;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** Scoring set a street's score sheet for the year: the recorded inputs and the card. */
@PublishedEvent(context = "assessment")
public record StreetAssessed(
        String assessmentId,
        int year,
        String streetCode,
        StreetScoringInputs inputs,
        PublishedScoreCard card,
        String assessedBy,
        Instant assessedAt) {
}
