package cn.changning.governance.assessment.domain.period;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The district opens a period for assessment under these schemes (the API fills in the catalogue's current ones when
 * the caller names none).
 *
 * @param streetSchemeId the street scheme, for a YEAR only (the streets are assessed yearly); null otherwise
 */
public record OpenAssessmentPeriod(@TargetAggregateIdentifier String periodId, String agencySchemeId, String streetSchemeId,
                                   String openedBy, Instant openedAt) {
}
