package cn.changning.governance.assessment.domain.period;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Scoring reports the period scored.
 *
 * @param unscored the agencies and streets scoring could not score (e.g. their confirmed rating differs): the period
 *                 is scored only when there are none
 */
public record MarkAssessmentPeriodScored(@TargetAggregateIdentifier String periodId, int agenciesScored, int streetsScored,
                                         List<String> unscored, String scoredBy, Instant scoredAt) {

    public MarkAssessmentPeriodScored {
        unscored = List.copyOf(unscored);
    }
}
