package cn.changning.governance.assessment.domain.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Record a batch of responses in the street's survey of the year.
 *
 * @param today the date of {@code recordedAt} on the working calendar (Asia/Shanghai): no response is answered later
 */
public record RecordSurveyResponses(@TargetAggregateIdentifier String surveyId, String streetCode, int year,
                                    List<SurveyRow> rows, String recordedBy, Instant recordedAt, LocalDate today) {

    public RecordSurveyResponses {
        rows = List.copyOf(rows);
    }

    public static RecordSurveyResponses of(String streetCode, int year, List<SurveyRow> rows, String recordedBy, Instant recordedAt,
                                           ZoneId zone) {
        return new RecordSurveyResponses(SurveyIds.of(streetCode, year), streetCode, year, rows, recordedBy, recordedAt,
                recordedAt.atZone(zone).toLocalDate());
    }
}
