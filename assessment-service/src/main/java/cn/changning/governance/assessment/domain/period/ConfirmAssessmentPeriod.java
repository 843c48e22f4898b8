package cn.changning.governance.assessment.domain.period;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.List;

/**
 * The district confirms the period.
 *
 * @param missing what is not yet done, as the ratings' read model tells it (e.g. "310105001-squad: the street has not
 *                confirmed its rating"): the period refuses confirmation with this list while it is not empty
 */
public record ConfirmAssessmentPeriod(@TargetAggregateIdentifier String periodId, List<String> missing, String confirmedBy,
                                      Instant confirmedAt, @TargetAggregateVersion Long expectedVersion) {

    public ConfirmAssessmentPeriod {
        missing = List.copyOf(missing);
    }
}
