package cn.changning.governance.contracts.assessment;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * A street's satisfaction survey of a year was opened, by the street's first import (its responses follow in
 * {@link SurveyResponsesRecorded}).
 *
 * @param surveyId             {@code <streetCode>:<year>}, the aggregate id and record key
 * @param questionnaireVersion the questionnaire its responses answer
 * @param openedBy             the client whose import opened it (from its token)
 */
@PublishedEvent(context = "assessment")
public record SurveyOpened(String surveyId, String streetCode, int year, String questionnaireVersion, String openedBy,
                           Instant openedAt) {
}
