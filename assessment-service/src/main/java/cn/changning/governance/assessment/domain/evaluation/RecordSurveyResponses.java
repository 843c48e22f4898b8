package cn.changning.governance.assessment.domain.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Record a batch of responses in the street's survey of the year (the survey is opened by its first batch). */
public record RecordSurveyResponses(@TargetAggregateIdentifier String surveyId, String streetCode, int year,
                                    List<SurveyRow> rows, String recordedBy, Instant recordedAt) {

    public RecordSurveyResponses {
        rows = List.copyOf(rows);
    }

    public static RecordSurveyResponses of(String streetCode, int year, List<SurveyRow> rows, String recordedBy, Instant recordedAt) {
        return new RecordSurveyResponses(SurveyIds.of(streetCode, year), streetCode, year, rows, recordedBy, recordedAt);
    }
}
