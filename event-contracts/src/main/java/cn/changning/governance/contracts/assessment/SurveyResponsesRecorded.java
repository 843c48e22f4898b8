package cn.changning.governance.contracts.assessment;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;
import java.util.List;

/**
 * A street's satisfaction survey of a year recorded responses (群众测评): the rows of one import that were new and
 * valid, at most {@code 500} per event so that a record stays small (an import of 5,000 rows is ten events, stored
 * together or not at all). Respondents are categories, never people: no personal data.
 *
 * @param surveyId             {@code <streetCode>:<year>}, the aggregate id and record key
 * @param questionnaireVersion the questionnaire the scores answer (its question codes and scale)
 * @param recordedBy           the client that imported them (from its token)
 */
@PublishedEvent(context = "assessment")
public record SurveyResponsesRecorded(
        String surveyId,
        String streetCode,
        int year,
        String questionnaireVersion,
        List<SurveyResponse> responses,
        String recordedBy,
        Instant recordedAt) {

    /** The most rows one event carries. */
    public static final int MAX_ROWS = 500;

    public SurveyResponsesRecorded {
        responses = List.copyOf(responses);
    }
}
