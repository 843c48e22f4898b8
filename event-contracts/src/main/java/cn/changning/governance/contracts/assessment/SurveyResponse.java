package cn.changning.governance.contracts.assessment;

import java.util.Map;

/**
 * One respondent's answers, as published in {@link SurveyResponsesRecorded}.
 *
 * @param responseId         the importer's id of the response (unique in its survey: a re-sent one is not counted twice)
 * @param respondentCategory RESIDENT, RESIDENT_UNIT, BUSINESS or DEPUTY_OR_MEMBER (两代表一委员)
 * @param answeredOn         the date it was answered, ISO {@code yyyy-MM-dd} (Asia/Shanghai)
 * @param scores             the raw score (on the questionnaire's scale) per question code answered
 */
public record SurveyResponse(String responseId, String respondentCategory, String answeredOn, Map<String, Integer> scores) {

    public SurveyResponse {
        scores = Map.copyOf(scores);
    }
}
