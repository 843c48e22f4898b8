package cn.changning.governance.assessment.domain.evaluation;

import cn.changning.governance.assessment.config.DataFiles;
import cn.changning.governance.contracts.assessment.SurveyOpened;
import cn.changning.governance.contracts.assessment.SurveyResponse;
import cn.changning.governance.contracts.assessment.SurveyResponsesRecorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One rule each: the survey's idempotency per response id and its per-row refusals. */
class SatisfactionSurveyTest {

    private static final String STREET = "310105001";
    private static final String ID = STREET + ":2026";
    /** 2026-07-01 10:00 in Shanghai. */
    private static final Instant AT = Instant.parse("2026-07-01T02:00:00Z");
    private static final java.time.ZoneId SHANGHAI = java.time.ZoneId.of("Asia/Shanghai");
    private static final Questionnaire QUESTIONNAIRE = Questionnaire.load(DataFiles::read);

    private static final SurveyOpened OPENED = new SurveyOpened(ID, STREET, 2026, "questionnaire.v1", "street-" + STREET, AT);

    private AggregateTestFixture<SatisfactionSurvey> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SatisfactionSurvey.class);
        fixture.registerInjectableResource(QUESTIONNAIRE);
    }

    private static SurveyRow row(int n, String id, String date, Map<String, Integer> scores) {
        return new SurveyRow(n, id, "RESIDENT", date == null ? null : LocalDate.parse(date), scores);
    }

    private static RecordSurveyResponses batch(SurveyRow... rows) {
        return RecordSurveyResponses.of(STREET, 2026, List.of(rows), "street-" + STREET, AT, SHANGHAI);
    }

    private static SurveyResponsesRecorded recorded(String... ids) {
        List<SurveyResponse> responses = new ArrayList<>();
        for (String id : ids) {
            responses.add(new SurveyResponse(id, "RESIDENT", "2026-03-01", Map.of("Q01", 4)));
        }
        return new SurveyResponsesRecorded(ID, STREET, 2026, "questionnaire.v1", responses, "street-" + STREET, AT);
    }

    @Test
    void theStreetsFirstImportOpensItsSurveyOfTheYear() {
        fixture.givenNoPriorActivity()
                .when(OpenSurvey.of(STREET, 2026, "street-" + STREET, AT))
                .expectEvents(OPENED);
    }

    @Test
    void aRowRecordedBeforeIsSkippedAndReportedAsAlreadyRecorded() {
        fixture.given(OPENED, recorded("r1"))
                .when(batch(row(2, "r1", "2026-03-01", Map.of("Q01", 4)), row(3, "r2", "2026-03-02", Map.of("Q01", 5))))
                .expectEvents(new SurveyResponsesRecorded(ID, STREET, 2026, "questionnaire.v1",
                        List.of(new SurveyResponse("r2", "RESIDENT", "2026-03-02", Map.of("Q01", 5))), "street-" + STREET, AT))
                .expectResultMessagePayload(new SurveyRecording(1, List.of("r1"), List.of()));
    }

    @Test
    void aBatchOfOnlyDuplicatesRecordsNothing() {
        fixture.given(OPENED, recorded("r1", "r2"))
                .when(batch(row(2, "r1", "2026-03-01", Map.of("Q01", 4)), row(3, "r2", "2026-03-01", Map.of("Q01", 4))))
                .expectNoEvents()
                .expectResultMessagePayload(new SurveyRecording(0, List.of("r1", "r2"), List.of()));
    }

    @Test
    void aRowAnsweredOutsideTheSurveysYearIsRejected() {
        fixture.given(OPENED)
                .when(batch(row(2, "old", "2025-12-31", Map.of("Q01", 4))))
                .expectNoEvents()
                .expectResultMessagePayload(new SurveyRecording(0, List.of(), List.of(new SurveyRowRejection(2, "old", "answeredOn",
                        "answered on 2025-12-31, outside the survey's year 2026"))));
    }

    @Test
    void aRowAnsweredAfterTodayIsRejected() {
        fixture.given(OPENED)
                .when(batch(row(2, "today", "2026-07-01", Map.of("Q01", 4)), row(3, "tomorrow", "2026-07-02", Map.of("Q01", 4))))
                .expectEvents(new SurveyResponsesRecorded(ID, STREET, 2026, "questionnaire.v1",
                        List.of(new SurveyResponse("today", "RESIDENT", "2026-07-01", Map.of("Q01", 4))), "street-" + STREET, AT))
                .expectResultMessagePayload(new SurveyRecording(1, List.of(), List.of(new SurveyRowRejection(3, "tomorrow", "answeredOn",
                        "answered on 2026-07-02, after today (2026-07-01)"))));
    }

    @Test
    void aScoreOffTheScaleIsRejectedAndTheOtherRowsAreRecorded() {
        fixture.given(OPENED)
                .when(batch(row(2, "bad", "2026-05-01", Map.of("Q01", 6)), row(3, "good", "2026-05-01", Map.of("Q01", 1))))
                .expectEvents(new SurveyResponsesRecorded(ID, STREET, 2026, "questionnaire.v1",
                        List.of(new SurveyResponse("good", "RESIDENT", "2026-05-01", Map.of("Q01", 1))), "street-" + STREET, AT))
                .expectResultMessagePayload(new SurveyRecording(1, List.of(),
                        List.of(new SurveyRowRejection(2, "bad", "Q01", "score 6 is off the scale 1-5"))));
    }

    @Test
    void aScoreForAQuestionNotInTheQuestionnaireIsRejected() {
        fixture.given(OPENED)
                .when(batch(row(2, "x", "2026-05-01", Map.of("Q99", 3))))
                .expectNoEvents()
                .expectResultMessagePayload(new SurveyRecording(0, List.of(),
                        List.of(new SurveyRowRejection(2, "x", "Q99", "no question Q99 in questionnaire.v1"))));
    }

    @Test
    void aResponseIdTwiceInOneUploadIsRecordedOnceAndTheSecondRowRejected() {
        fixture.given(OPENED)
                .when(batch(row(2, "same", "2026-05-01", Map.of("Q01", 3)), row(3, "same", "2026-05-01", Map.of("Q01", 3))))
                .expectResultMessagePayload(new SurveyRecording(1, List.of(),
                        List.of(new SurveyRowRejection(3, "same", "responseId", "the same response id is in row 2 of this upload"))));
    }

    @Test
    void aLargeBatchIsCutIntoEventsOfAtMost500Rows() {
        List<SurveyRow> rows = new ArrayList<>();
        for (int i = 0; i < 1201; i++) {
            rows.add(row(i + 2, "r" + i, "2026-02-01", Map.of("Q02", 3)));
        }
        fixture.given(OPENED)
                .when(RecordSurveyResponses.of(STREET, 2026, rows, "street-" + STREET, AT, SHANGHAI))
                .expectSuccessfulHandlerExecution();
        // 1,201 rows: 500 + 500 + 201, in that order
        List<Integer> sizes = new ArrayList<>();
        fixture.getEventStore().readEvents(ID).asStream()
                .filter(m -> m.getPayload() instanceof SurveyResponsesRecorded)
                .forEach(m -> sizes.add(((SurveyResponsesRecorded) m.getPayload()).responses().size()));
        assertThat(sizes).containsExactly(500, 500, 201);
    }

    /** A snapshot holds what the next batch needs: the ids recorded (the service's snapshot serializer is Jackson's). */
    @Test
    void aSnapshotKeepsTheRecordedIds() {
        SatisfactionSurvey survey = new SatisfactionSurvey();
        survey.on(OPENED);
        survey.on(recorded("a", "b"));
        org.axonframework.serialization.json.JacksonSerializer serializer = org.axonframework.serialization.json.JacksonSerializer.defaultSerializer();
        var stored = serializer.serialize(survey, String.class);
        SatisfactionSurvey restored = serializer.deserialize(stored);
        String again = serializer.serialize(restored, String.class).getData();
        assertThat(again).isEqualTo(stored.getData()).contains("\"a\"", "\"b\"", ID);
    }
}
