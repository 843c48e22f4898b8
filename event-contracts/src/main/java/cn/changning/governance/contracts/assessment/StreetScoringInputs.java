package cn.changning.governance.contracts.assessment;

import java.util.List;
import java.util.Map;

/** The recorded facts a street's sheet was computed from, with the points the district recorded for its RECORDED items. */
public record StreetScoringInputs(String streetCode, List<IndicatorCount> indicators, ResidentFigures residentEvaluation,
                                  Map<String, Double> recordedItemPoints) {

    public StreetScoringInputs {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        recordedItemPoints = recordedItemPoints == null ? Map.of() : Map.copyOf(recordedItemPoints);
    }
}
