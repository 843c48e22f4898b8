package cn.changning.governance.assessment.domain.evaluation;

import java.time.Instant;

/** Open the street's survey of the year: done by the street's first import, before its responses are recorded. */
public record OpenSurvey(String surveyId, String streetCode, int year, String openedBy, Instant openedAt) {

    public static OpenSurvey of(String streetCode, int year, String openedBy, Instant openedAt) {
        return new OpenSurvey(SurveyIds.of(streetCode, year), streetCode, year, openedBy, openedAt);
    }
}
