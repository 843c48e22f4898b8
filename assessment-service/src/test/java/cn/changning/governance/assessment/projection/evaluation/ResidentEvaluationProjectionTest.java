package cn.changning.governance.assessment.projection.evaluation;

import cn.changning.governance.assessment.config.DataFiles;
import cn.changning.governance.assessment.domain.evaluation.Questionnaire;
import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.assessment.SurveyResponse;
import cn.changning.governance.contracts.assessment.SurveyResponsesRecorded;
import cn.changning.governance.contracts.cases.CaseDispatched;
import cn.changning.governance.contracts.cases.CaseFeedbackRecorded;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseHandled;
import cn.changning.governance.contracts.cases.Satisfaction;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.geography.Geography;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The survey-response and case-feedback read models on the embedded Mongo wire server, and the evaluations read from
 * them: redelivered and out-of-order events change nothing. Expected figures are worked out by hand in each test.
 */
class ResidentEvaluationProjectionTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final String STREET = "310105001";
    static final String OTHER_STREET = "310105002";
    static final String SURVEY = STREET + ":2026";
    static final String POLICE = STREET + "-police";
    static final String SQUAD = STREET + "-squad";
    static final Instant AT = Instant.parse("2026-07-01T02:00:00Z");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    MongoClient client;
    MongoTemplate mongo;
    SurveyResponseProjection responses;
    CaseFeedbackProjection feedback;
    ResidentEvaluationQueries queries;

    @BeforeEach
    void setUp() {
        client = MongoClients.create(SharedInfrastructure.get().mongo().connectionString());
        mongo = new MongoTemplate(client, "evaluation_projection_" + UUID.randomUUID().toString().substring(0, 8));
        responses = new SurveyResponseProjection(mongo, JSON, Questionnaire.load(DataFiles::read));
        feedback = new CaseFeedbackProjection(mongo, new VersionedDocuments(VersionedDocuments.Guard.IN_MEMORY_CHECK), JSON, SHANGHAI);
        queries = new ResidentEvaluationQueries(mongo, AgencyDirectory.load(Geography.load()));
    }

    @AfterEach
    void tearDown() {
        mongo.getDb().drop();
        client.close();
    }

    static EventRecord record(String subject, long sequence, Object payload, String topic) {
        try {
            return new EventRecord("evt-" + subject + "-" + sequence, EventTypes.cloudEventType(payload.getClass()), subject, sequence,
                    AT, JSON.writeValueAsBytes(payload), topic, 0, sequence);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static SurveyResponsesRecorded recorded(SurveyResponse... rows) {
        return new SurveyResponsesRecorded(SURVEY, STREET, 2026, "questionnaire.v1", List.of(rows), "street-" + STREET, AT);
    }

    // Q01 general, Q04 police station; 1..5 -> 0, 25, 50, 75, 100
    static final SurveyResponse A = new SurveyResponse("a", "RESIDENT", "2026-01-10", Map.of("Q01", 5, "Q04", 3)); // street 75, police 50
    static final SurveyResponse B = new SurveyResponse("b", "BUSINESS", "2026-02-10", Map.of("Q01", 3));          // street 50
    static final SurveyResponse C = new SurveyResponse("c", "RESIDENT", "2026-08-10", Map.of("Q04", 5));          // street 100, police 100

    @Test
    void theResponseDocumentKeepsItsFieldNames() {
        responses.process(List.of(record(SURVEY, 0, recorded(A), "governance.assessment.events")));
        Document stored = mongo.getCollection(EvaluationDocuments.RESPONSES).find().first();
        // Literal on purpose: a misspelt constant would silently rename a stored field.
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "surveyId", "streetCode", "year", "responseId",
                "respondentCategory", "answeredOn", "periods", "score", "typeScores", "scores", "questionnaireVersion", "recordedAt");
        assertThat(stored.getList("periods", String.class)).containsExactly("2026-01", "2026-Q1", "2026");
    }

    @Test
    void redeliveredSurveyEventsInAnyOrderCountEachResponseOnce() {
        EventRecord first = record(SURVEY, 0, recorded(A, B), "governance.assessment.events");
        EventRecord second = record(SURVEY, 1, recorded(C), "governance.assessment.events");
        responses.process(List.of(second, first));
        responses.process(List.of(first, second));
        responses.process(List.of(first));

        assertThat(queries.respondents(STREET, 2026)).isEqualTo(3);
        assertThat(queries.respondentsByStreet(2026)).containsExactly(Map.entry(STREET, 3L));
        // Street, year: (75 + 50 + 100) / 3 = 75; Q1: A and B, (75 + 50) / 2 = 62.5
        assertThat(queries.evaluation(SubjectKind.STREET, STREET, ReportingPeriod.year(2026)))
                .isEqualTo(new ResidentEvaluation(3, 75.0, 0, null));
        assertThat(queries.evaluation(SubjectKind.STREET, STREET, ReportingPeriod.quarter(2026, 1)))
                .isEqualTo(new ResidentEvaluation(2, 62.5, 0, null));
        // Police station, year: A (50) and C (100) answered about it -> 75; B did not
        assertThat(queries.evaluation(SubjectKind.AGENCY, POLICE, ReportingPeriod.year(2026)))
                .isEqualTo(new ResidentEvaluation(2, 75.0, 0, null));
        // The squad: no question about it answered -> no score, not 0
        assertThat(queries.evaluation(SubjectKind.AGENCY, SQUAD, ReportingPeriod.year(2026))).isEqualTo(ResidentEvaluation.NONE);

        var page = queries.responses(STREET, ReportingPeriod.year(2026), new PageQuery(0, 2));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(ResidentEvaluationQueries.ResponseView::responseId).containsExactly("a", "b");
    }

    @Test
    void feedbackCountsForTheCasesStreetAndLastLeadInThePeriodOfItsShanghaiDateAndAnOlderEventChangesNothing() {
        String case1 = "case-eval-1";
        String case2 = "case-eval-2";
        // 2026-06-30T17:00Z is 2026-07-01 01:00 in Shanghai: July, Q3
        Instant lateJune = Instant.parse("2026-06-30T17:00:00Z");
        List<EventRecord> events = new ArrayList<>(List.of(
                record(case1, 0, new CaseFiled(case1, "0101", "COMPONENT", "B", false, STREET + "001", STREET, AT, "centre", AT), "case"),
                record(case1, 1, new CaseDispatched(case1, "o1", 0, SQUAD, List.of(), AT), "case"),
                record(case1, 2, new CaseHandled(case1, "o2", 1, POLICE, "done", true, AT), "case"),
                record(case1, 3, new CaseFeedbackRecorded(case1, Satisfaction.BASICALLY_SATISFIED, null, "centre", lateJune), "case"),
                record(case2, 0, new CaseFiled(case2, "0101", "COMPONENT", "B", false, STREET + "001", STREET, AT, "centre", AT), "case"),
                record(case2, 1, new CaseDispatched(case2, "o3", 0, POLICE, List.of(), AT), "case"),
                record(case2, 2, new CaseFeedbackRecorded(case2, Satisfaction.DISSATISFIED, null, "centre", AT), "case")));
        feedback.process(events);
        // A redelivery, and an older event after the newer ones: the lead stays the police station
        feedback.process(List.of(events.get(1), events.get(0)));
        feedback.process(events);

        // Police: case1 80 (last lead by CaseHandled), case2 0 -> 2 cases, mean 40
        assertThat(queries.evaluation(SubjectKind.AGENCY, POLICE, ReportingPeriod.quarter(2026, 3)))
                .isEqualTo(new ResidentEvaluation(0, null, 2, 40.0));
        assertThat(queries.evaluation(SubjectKind.AGENCY, SQUAD, ReportingPeriod.year(2026))).isEqualTo(ResidentEvaluation.NONE);
        // In June (UTC date of case1's feedback) nothing: the Shanghai date is July
        assertThat(queries.evaluation(SubjectKind.STREET, STREET, ReportingPeriod.month(2026, 6))).isEqualTo(ResidentEvaluation.NONE);
        assertThat(queries.evaluation(SubjectKind.STREET, STREET, ReportingPeriod.month(2026, 7)))
                .isEqualTo(new ResidentEvaluation(0, null, 2, 40.0));
        var cases = queries.feedbackCases(SubjectKind.AGENCY, POLICE, ReportingPeriod.year(2026), PageQuery.first(10));
        assertThat(cases.items()).extracting(ResidentEvaluationQueries.FeedbackCaseView::caseId, ResidentEvaluationQueries.FeedbackCaseView::score)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(case1, 80), org.assertj.core.groups.Tuple.tuple(case2, 0));
    }

    @Test
    void allSubjectsOfAPeriodAreAnsweredAtOnceWithNoneWhereNothingWasSaid() {
        responses.process(List.of(record(SURVEY, 0, recorded(A, B, C), "governance.assessment.events")));
        feedback.process(List.of(
                record("case-eval-3", 0, new CaseFiled("case-eval-3", "0101", "COMPONENT", "B", false, STREET + "001", STREET, AT, "centre", AT), "case"),
                record("case-eval-3", 1, new CaseDispatched("case-eval-3", "o", 0, POLICE, List.of(), AT), "case"),
                record("case-eval-3", 2, new CaseFeedbackRecorded("case-eval-3", Satisfaction.SATISFIED, null, "centre", AT), "case")));
        Map<String, ResidentEvaluation> streets = queries.evaluations(SubjectKind.STREET, ReportingPeriod.year(2026));
        Map<String, ResidentEvaluation> agencies = queries.evaluations(SubjectKind.AGENCY, ReportingPeriod.year(2026));
        assertThat(streets).hasSize(10);
        assertThat(streets.get(STREET)).isEqualTo(new ResidentEvaluation(3, 75.0, 1, 100.0));
        assertThat(streets.get(OTHER_STREET)).isEqualTo(ResidentEvaluation.NONE);
        assertThat(agencies).hasSizeGreaterThanOrEqualTo(70);
        assertThat(agencies.get(POLICE)).isEqualTo(new ResidentEvaluation(2, 75.0, 1, 100.0));
        assertThat(agencies.get(OTHER_STREET + "-police")).isEqualTo(ResidentEvaluation.NONE);
        // the same figures as one subject at a time
        assertThat(agencies.get(POLICE)).isEqualTo(queries.evaluation(SubjectKind.AGENCY, POLICE, ReportingPeriod.year(2026)));
        assertThat(queries.evaluation(SubjectKind.AGENCY, POLICE, ReportingPeriod.year(2026)).surveyScore()).isCloseTo(75.0, within(1e-9));
    }
}
