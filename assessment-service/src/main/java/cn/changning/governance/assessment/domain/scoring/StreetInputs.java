package cn.changning.governance.assessment.domain.scoring;

import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;

import java.util.Map;

/**
 * The recorded facts a street's score sheet for a year is computed from: its indicators, its residents' evaluation
 * (the satisfaction survey), and the points the district recorded for the items no event measures.
 *
 * @param recordedItemPoints item code → points recorded by the district, for the catalogue's RECORDED items
 */
public record StreetInputs(String streetCode, IndicatorValues indicators, ResidentEvaluation residentEvaluation,
                           Map<String, Double> recordedItemPoints) {

    public StreetInputs {
        recordedItemPoints = Map.copyOf(recordedItemPoints);
    }
}
