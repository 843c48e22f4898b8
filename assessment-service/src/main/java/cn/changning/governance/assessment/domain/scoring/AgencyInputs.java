package cn.changning.governance.assessment.domain.scoring;

import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;

/**
 * The recorded facts an agency's score for a period is computed from. They are stored with the score (in the
 * rating's events), so the period can be re-scored under another scheme without going back to the cases.
 */
public record AgencyInputs(String agencyId, String streetCode, IndicatorValues indicators, ResidentEvaluation residentEvaluation) {
}
