package cn.changning.governance.assessment.domain.evaluation;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.assessment.SurveyOpened;
import cn.changning.governance.contracts.assessment.SurveyResponse;
import cn.changning.governance.contracts.assessment.SurveyResponsesRecorded;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A street's satisfaction survey of one year (群众测评): the responses it recorded, by response id. It is opened by
 * the street's first import. Each batch records only the rows that are new and valid, in events of at most
 * {@value SurveyResponsesRecorded#MAX_ROWS} rows, all stored together or none; a row it recorded before is reported
 * as already recorded, not counted twice; a bad row is reported with its reason and the rest go on. Its state is the
 * set of ids recorded: all a later batch needs, and what a snapshot holds (its fields, read by Jackson).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class SatisfactionSurvey {

    static final int MAX_RESPONSE_ID = 64;

    @AggregateIdentifier
    private String surveyId;
    private int year;
    private final Set<String> recorded = new HashSet<>();

    protected SatisfactionSurvey() {
        // for Axon: rebuilt from its events
    }

    /**
     * Opened as a command of its own, not created by the first batch ({@code CREATE_IF_MISSING}): the common command
     * check refuses a command to an aggregate without events unless it is a constructor's, and a first batch whose
     * rows are all refused would store no event to create it with.
     */
    @CommandHandler
    public SatisfactionSurvey(OpenSurvey command, Questionnaire questionnaire) {
        apply(new SurveyOpened(command.surveyId(), command.streetCode(), command.year(), questionnaire.version(),
                command.openedBy(), command.openedAt()));
    }

    @CommandHandler
    public SurveyRecording handle(RecordSurveyResponses command, Questionnaire questionnaire) {
        if (command.year() != year) {
            throw DomainRuleViolation.invalid("survey-year-mismatch", "year", "The survey " + surveyId + " is of " + year);
        }
        List<SurveyResponse> accepted = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<SurveyRowRejection> rejections = new ArrayList<>();
        Map<String, Integer> rowOfIdInBatch = new HashMap<>();
        for (SurveyRow row : command.rows()) {
            String id = row.responseId();
            String problem = null;
            String field = null;
            if (id == null || id.isBlank()) {
                field = "responseId";
                problem = "a response needs an id";
            } else if (id.length() > MAX_RESPONSE_ID) {
                field = "responseId";
                problem = "a response id has at most " + MAX_RESPONSE_ID + " characters";
            } else if (rowOfIdInBatch.containsKey(id)) {
                field = "responseId";
                problem = "the same response id is in row " + rowOfIdInBatch.get(id) + " of this upload";
            } else if (recorded.contains(id)) {
                rowOfIdInBatch.put(id, row.rowNumber());
                already.add(id);
                continue;
            }
            if (problem == null) {
                rowOfIdInBatch.put(id, row.rowNumber());
                String[] checked = check(row, questionnaire, command.today());
                field = checked == null ? null : checked[0];
                problem = checked == null ? null : checked[1];
            }
            if (problem != null) {
                rejections.add(new SurveyRowRejection(row.rowNumber(), id == null || id.isBlank() ? null : id, field, problem));
            } else {
                accepted.add(new SurveyResponse(id, row.respondentCategory(), row.answeredOn().toString(), new LinkedHashMap<>(row.scores())));
            }
        }
        for (int from = 0; from < accepted.size(); from += SurveyResponsesRecorded.MAX_ROWS) {
            apply(new SurveyResponsesRecorded(surveyId, command.streetCode(), year, questionnaire.version(),
                    accepted.subList(from, Math.min(accepted.size(), from + SurveyResponsesRecorded.MAX_ROWS)),
                    command.recordedBy(), command.recordedAt()));
        }
        return new SurveyRecording(accepted.size(), already, rejections);
    }

    /** The row's first problem as {field, reason}, or null when it may be recorded. */
    private String[] check(SurveyRow row, Questionnaire questionnaire, java.time.LocalDate today) {
        if (row.respondentCategory() == null
                || Arrays.stream(RespondentCategory.values()).noneMatch(c -> c.name().equals(row.respondentCategory()))) {
            return new String[]{"respondentCategory", "respondent category '" + row.respondentCategory() + "' is not one of "
                    + Arrays.toString(RespondentCategory.values())};
        }
        if (row.answeredOn() == null) {
            return new String[]{"answeredOn", "a response needs the date it was answered"};
        }
        if (row.answeredOn().getYear() != year) {
            return new String[]{"answeredOn", "answered on " + row.answeredOn() + ", outside the survey's year " + year};
        }
        if (row.answeredOn().isAfter(today)) {
            return new String[]{"answeredOn", "answered on " + row.answeredOn() + ", after today (" + today + ")"};
        }
        if (row.scores() == null || row.scores().isEmpty()) {
            return new String[]{"scores", "a response needs a score for at least one question"};
        }
        for (Map.Entry<String, Integer> score : row.scores().entrySet()) {
            if (questionnaire.question(score.getKey()).isEmpty()) {
                return new String[]{score.getKey(), "no question " + score.getKey() + " in " + questionnaire.version()};
            }
            if (score.getValue() == null || !questionnaire.onScale(score.getValue())) {
                return new String[]{score.getKey(), "score " + score.getValue() + " is off the scale "
                        + questionnaire.min() + "-" + questionnaire.max()};
            }
        }
        return null;
    }

    @EventSourcingHandler
    void on(SurveyOpened event) {
        surveyId = event.surveyId();
        year = event.year();
    }

    @EventSourcingHandler
    void on(SurveyResponsesRecorded event) {
        for (SurveyResponse response : event.responses()) {
            recorded.add(response.responseId());
        }
    }
}
