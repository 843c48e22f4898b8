package cn.changning.governance.assessment.projection.evaluation;

import cn.changning.governance.assessment.domain.evaluation.Questionnaire;
import cn.changning.governance.assessment.domain.evaluation.ResponseScores;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.assessment.SurveyResponse;
import cn.changning.governance.contracts.assessment.SurveyResponsesRecorded;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static cn.changning.governance.assessment.projection.evaluation.EvaluationDocuments.*;

/**
 * The survey's responses, one document each, from {@code SurveyResponsesRecorded} on the service's own topic (the
 * other assessment events there are skipped). A response is written once and never changes, so each is an insert
 * keyed by survey and response id: a redelivered or replayed event meets its documents and changes nothing, in any
 * order. Coverage is the count of a survey's documents, so it cannot drift from them.
 */
public class SurveyResponseProjection implements EventBatchHandler.BatchProcessor {

    private final MongoTemplate mongo;
    private final Questionnaire questionnaire;
    private final EventRouter<List<InsertOneModel<Document>>> router;

    public SurveyResponseProjection(MongoTemplate mongo, ObjectMapper objectMapper, Questionnaire questionnaire) {
        this.mongo = mongo;
        this.questionnaire = questionnaire;
        this.router = EventRouter.using(objectMapper, castList())
                .on(SurveyResponsesRecorded.class, (List<InsertOneModel<Document>> inserts, EventRecord r, SurveyResponsesRecorded e) -> {
                    for (SurveyResponse response : e.responses()) {
                        inserts.add(new InsertOneModel<>(document(e, response)));
                    }
                });
    }

    public void createIndexes() {
        mongo.getCollection(RESPONSES).createIndex(Indexes.ascending(SURVEY_ID), new IndexOptions().name("by_survey"));
        mongo.getCollection(RESPONSES).createIndex(Indexes.ascending(STREET_CODE, PERIODS), new IndexOptions().name("by_street_period"));
    }

    @Override
    public void process(List<EventRecord> events) {
        List<InsertOneModel<Document>> inserts = new ArrayList<>();
        for (EventRecord event : events) {
            router.route(inserts, event);
        }
        if (!inserts.isEmpty()) {
            VersionedDocuments.writeInOrder(mongo.getCollection(RESPONSES), inserts); // a duplicate _id: recorded before
        }
    }

    private Document document(SurveyResponsesRecorded event, SurveyResponse response) {
        LocalDate answeredOn = LocalDate.parse(response.answeredOn());
        ResponseScores scores = ResponseScores.of(response.scores(), questionnaire);
        Document typeScores = new Document();
        scores.byAgencyType().forEach((type, score) -> typeScores.append(type.name(), score));
        Document raw = new Document();
        response.scores().forEach(raw::append);
        List<String> periods = periodIds(answeredOn);
        return new Document("_id", event.surveyId() + "/" + response.responseId())
                .append(SURVEY_ID, event.surveyId())
                .append(STREET_CODE, event.streetCode())
                .append(YEAR, event.year())
                .append(RESPONSE_ID, response.responseId())
                .append(CATEGORY, response.respondentCategory())
                .append(ANSWERED_ON, response.answeredOn())
                .append(PERIODS, periods)
                .append(SCORE, scores.street())
                .append(TYPE_SCORES, typeScores)
                .append(SCORES, raw)
                .append(QUESTIONNAIRE, event.questionnaireVersion())
                .append(RECORDED_AT, Date.from(event.recordedAt()));
    }

    /** The month, quarter and year a date counts towards. */
    static List<String> periodIds(LocalDate date) {
        return List.of(ReportingPeriod.month(date.getYear(), date.getMonthValue()).id(),
                ReportingPeriod.quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1).id(),
                ReportingPeriod.year(date.getYear()).id());
    }

    @SuppressWarnings("unchecked")
    private static Class<List<InsertOneModel<Document>>> castList() {
        return (Class<List<InsertOneModel<Document>>>) (Class<?>) List.class;
    }
}
