package cn.changning.governance.contracts.assessment;

import java.util.List;

/** The recorded facts an agency's score was computed from: enough to score it again under another scheme. */
public record AgencyScoringInputs(String agencyId, String streetCode, List<IndicatorCount> indicators,
                                  ResidentFigures residentEvaluation) {

    public AgencyScoringInputs {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
