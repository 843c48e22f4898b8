package cn.changning.governance.assessment.domain.scoring;

import cn.changning.governance.assessment.domain.period.ReportingPeriod;

import java.util.List;

/**
 * A period as it was scored: for every agency and street, the recorded inputs and the card they earned (with
 * corrections applied), as the period's events hold them. What-if re-scoring starts from here and never changes it.
 *
 * @param confirmed whether the district confirmed the period (its results then change only by corrections)
 */
public record ScoredPeriod(ReportingPeriod period, String agencySchemeId, String streetSchemeId, boolean confirmed,
                           List<ScoredAgency> agencies, List<ScoredStreet> streets) {

    public ScoredPeriod {
        agencies = List.copyOf(agencies);
        streets = List.copyOf(streets);
    }

    public record ScoredAgency(AgencyInputs inputs, ScoreCard card) {
    }

    public record ScoredStreet(StreetInputs inputs, ScoreCard card) {
    }
}
