package cn.changning.governance.assessment.domain.evaluation;

import cn.changning.governance.reference.agencies.AgencyType;

/**
 * One question of the questionnaire.
 *
 * @param agencyType the kind of stationed agency of the respondent's street the question is about; null for a
 *                   question about the street as a whole
 */
public record SurveyQuestion(String code, String textEn, String textZh, AgencyType agencyType) {
}
