package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.evaluation.SatisfactionSurvey;
import cn.changning.governance.assessment.projection.evaluation.SurveyCoverageGauges;
import cn.changning.governance.assessment.support.AssessmentServiceIntegrationTest;
import cn.changning.governance.common.testing.TestCallers;
import cn.changning.governance.common.testing.TopicRecords;
import cn.changning.governance.contracts.assessment.SurveyOpened;
import cn.changning.governance.contracts.assessment.SurveyResponse;
import cn.changning.governance.contracts.assessment.SurveyResponsesRecorded;
import cn.changning.governance.contracts.cases.CaseDispatched;
import cn.changning.governance.contracts.cases.CaseFeedbackRecorded;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.Satisfaction;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Resident evaluation through the service: a survey imported in bulk (CSV and JSON), idempotent per response id, its
 * coverage and satisfaction read back, feedback from the case topic in an agency's satisfaction, and the visibility
 * rule. Its own street (310105010) and year, so its figures are its own.
 */
class ResidentEvaluationIntegrationTest extends AssessmentServiceIntegrationTest {

    static final String STREET = "310105010";
    static final String MARKET = STREET + "-market";
    static final TestCallers CENTRE = TestCallers.street(STREET);
    static final TestCallers OTHER_CENTRE = TestCallers.street("310105011");
    static final int ROWS = 5_000;

    @Autowired
    SurveyCoverageGauges gauges;
    @Autowired
    MeterRegistry meters;
    @Autowired
    org.axonframework.serialization.Serializer snapshotSerializer;

    @Test
    void aSurveyImportedInBulkIsRecordedOnceAndShowsInCoverageAndSatisfaction() {
        LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        int year = today.getYear();
        String responsesPath = "/api/v1/assessments/surveys/" + STREET + "/" + year + "/responses";

        // 5,000 rows, all answered in January (none after today, on whatever day the test runs): Q01 = 4 (75), Q06 (market supervision) = 2 (25), Q03 empty (not answered)
        StringBuilder csv = new StringBuilder("responseId,respondentCategory,answeredOn,Q01,Q03,Q06\r\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append("eval-").append(i).append(',').append(i % 3 == 0 ? "BUSINESS" : "RESIDENT").append(',')
                    .append(min(LocalDate.of(year, 1, 1 + i % 28), today)).append(",4,,2\r\n");
        }
        long started = System.nanoTime();
        ResponseEntity<JsonNode> first = csv(responsesPath, csv.toString(), CENTRE);
        System.out.printf("Imported %d survey rows by CSV (%d KB) in %d ms%n", ROWS, csv.length() / 1024,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().path("received").asInt()).isEqualTo(ROWS);
        assertThat(first.getBody().path("recorded").asInt()).isEqualTo(ROWS);
        assertThat(first.getBody().path("alreadyRecorded").asInt()).isZero();
        assertThat(first.getBody().path("rejected").asInt()).isZero();

        ResponseEntity<JsonNode> again = csv(responsesPath, csv.toString(), CENTRE);
        assertThat(again.getStatusCode()).as("%s", again.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("recorded").asInt()).isZero();
        assertThat(again.getBody().path("alreadyRecorded").asInt()).isEqualTo(ROWS);

        String json = "{\"responses\": ["
                + "{\"responseId\":\"eval-json-1\",\"respondentCategory\":\"DEPUTY_OR_MEMBER\",\"answeredOn\":\"" + year + "-01-01\",\"scores\":{\"Q01\":5}},"
                + "{\"responseId\":\"eval-json-2\",\"respondentCategory\":\"RESIDENT\",\"answeredOn\":\"" + year + "-01-01\",\"scores\":{\"Q01\":9}},"
                + "{\"responseId\":\"eval-json-3\",\"respondentCategory\":\"RESIDENT\",\"answeredOn\":\"" + (year - 1) + "-12-31\",\"scores\":{\"Q01\":3}},"
                + "{\"responseId\":\"eval-json-4\",\"respondentCategory\":\"TOURIST\",\"answeredOn\":\"" + year + "-01-01\",\"scores\":{\"Q01\":3}},"
                + "{\"responseId\":\"eval-1\",\"respondentCategory\":\"RESIDENT\",\"answeredOn\":\"" + year + "-01-01\",\"scores\":{\"Q01\":4}}]}";
        ResponseEntity<JsonNode> mixed = call(HttpMethod.POST, responsesPath, json, CENTRE);
        assertThat(mixed.getStatusCode()).as("%s", mixed.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode report = mixed.getBody();
        assertThat(report.path("received").asInt()).isEqualTo(5);
        assertThat(report.path("recorded").asInt()).isEqualTo(1);
        assertThat(report.path("alreadyRecorded").asInt()).isEqualTo(1);
        assertThat(report.path("rejected").asInt()).isEqualTo(3);
        assertThat(report.path("rejections").findValuesAsText("row")).containsExactly("2", "3", "4");
        assertThat(report.path("rejections").findValuesAsText("responseId")).containsExactly("eval-json-2", "eval-json-3", "eval-json-4");
        assertThat(report.path("rejections").findValuesAsText("field")).containsExactly("Q01", "answeredOn", "respondentCategory");

        // An upload none of whose rows can be recorded is refused as a whole: 422 naming each row's field
        String allBad = "[{\"responseId\":\"eval-bad-1\",\"respondentCategory\":\"RESIDENT\",\"answeredOn\":\"" + (year - 1)
                + "-06-01\",\"scores\":{\"Q01\":3}},{\"responseId\":\"eval-bad-2\",\"respondentCategory\":\"RESIDENT\","
                + "\"answeredOn\":\"" + year + "-01-01\",\"scores\":{\"Q01\":0}}]";
        ResponseEntity<JsonNode> refused = call(HttpMethod.POST, responsesPath, allBad, CENTRE);
        assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("type").asText()).endsWith("/survey-rows-rejected");
        assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactly("responses[1].answeredOn", "responses[2].Q01");
        assertThat(refused.getBody().path("report").path("recorded").asInt()).isZero();

        // A CSV that is not one as a whole: 400, nothing recorded
        ResponseEntity<JsonNode> malformed = csv(responsesPath, "responseId,answeredOn,Q01\r\nx,2026-01-01,3\r\n", CENTRE);
        assertThat(malformed.getStatusCode()).as("%s", malformed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();

        // Coverage: 5,001 respondents, the target reached
        String coveragePath = "/api/v1/assessments/surveys/" + STREET + "/" + year + "/coverage";
        JsonNode coverage = await().atMost(Duration.ofSeconds(60)).until(() -> call(HttpMethod.GET, coveragePath, null, CENTRE).getBody(),
                c -> c.path("respondents").asLong() == ROWS + 1);
        assertThat(coverage.path("target").asInt()).isEqualTo(1000);
        assertThat(coverage.path("share").asDouble()).isEqualTo(1.0);
        assertThat(coverage.path("reached").asBoolean()).isTrue();
        assertThat(coverage.path("onTrack").asBoolean()).isTrue();
        JsonNode ofYear = call(HttpMethod.GET, "/api/v1/assessments/surveys/coverage/" + year, null, CENTRE).getBody();
        assertThat(ofYear.path("streets").findValuesAsText("streetCode")).containsExactly(STREET);
        JsonNode allStreets = call(HttpMethod.GET, "/api/v1/assessments/surveys/coverage/" + year, null, DISTRICT).getBody();
        assertThat(allStreets.path("streets")).hasSize(10);

        gauges.refresh();
        assertThat(meters.get(SurveyCoverageGauges.RESPONDENTS).tag("street", STREET).gauge().value()).isEqualTo(ROWS + 1);
        assertThat(meters.get(SurveyCoverageGauges.COVERAGE).tag("street", STREET).gauge().value()).isEqualTo(1.0);

        // The street in January: each CSV row is the mean of Q01 (4 -> 75) and Q06 (2 -> 25) = 50; the JSON row Q01 = 5
        // -> 100; so (5000 x 50 + 100) / 5001
        JsonNode street = call(HttpMethod.GET, "/api/v1/assessments/satisfaction/streets/" + STREET + "?period=" + year + "-01",
                null, CENTRE).getBody();
        assertThat(street.path("respondents").asLong()).isEqualTo(ROWS + 1);
        assertThat(street.path("surveyScore").asDouble()).isCloseTo((ROWS * 50.0 + 100) / (ROWS + 1), org.assertj.core.data.Offset.offset(1e-9));

        JsonNode page = call(HttpMethod.GET, "/api/v1/assessments/surveys/" + STREET + "/responses?period=" + year + "&size=5", null, CENTRE).getBody();
        assertThat(page.path("total").asLong()).isEqualTo(ROWS + 1);
        assertThat(page.path("items")).hasSize(5);

        // Feedback on a case the market-supervision office led, filed in the street: basically satisfied, 80
        String caseId = UUID.randomUUID().toString();
        Instant at = clock.instant();
        try (TopicRecords topic = caseTopic()) {
            topic.send(List.of(
                    new TopicRecords.Published(new CaseFiled(caseId, "0101", "COMPONENT", "B", false, STREET + "001", STREET, at, "centre", at), caseId, 0, UUID.randomUUID().toString()),
                    new TopicRecords.Published(new CaseDispatched(caseId, caseId + "-r0", 0, MARKET, List.of(), at), caseId, 1, UUID.randomUUID().toString()),
                    new TopicRecords.Published(new CaseFeedbackRecorded(caseId, Satisfaction.BASICALLY_SATISFIED, null, "centre", at), caseId, 2, UUID.randomUUID().toString())));
        }
        TestCallers market = TestCallers.agency(MARKET, STREET, "DISTRICT_MARKET_SUPERVISION_BUREAU");
        String agencyPath = "/api/v1/assessments/satisfaction/agencies/" + MARKET + "?period=" + year;
        JsonNode agency = await().atMost(Duration.ofSeconds(60)).until(() -> call(HttpMethod.GET, agencyPath, null, market).getBody(),
                a -> a.path("feedbackCount").asLong() == 1);
        assertThat(agency.path("feedbackScore").asDouble()).isEqualTo(80.0);
        // Its survey part: the 5,000 CSV rows answered Q06 = 2 -> 25
        assertThat(agency.path("respondents").asLong()).isEqualTo(ROWS);
        assertThat(agency.path("surveyScore").asDouble()).isEqualTo(25.0);
        JsonNode cases = call(HttpMethod.GET, "/api/v1/assessments/satisfaction/agencies/" + MARKET + "/feedback?period=" + year, null, DISTRICT).getBody();
        assertThat(cases.path("items").findValuesAsText("caseId")).containsExactly(caseId);

        // Another street's centre sees none of it, and may not import into it
        assertThat(call(HttpMethod.GET, coveragePath, null, OTHER_CENTRE).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(HttpMethod.GET, agencyPath, null, OTHER_CENTRE).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(csv(responsesPath, csv.toString(), OTHER_CENTRE).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // Nor does another agency of the street see the market office's figures
        TestCallers police = TestCallers.agency(STREET + "-police", STREET, "DISTRICT_PUBLIC_SECURITY_BUREAU");
        assertThat(call(HttpMethod.GET, agencyPath, null, police).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** A survey's snapshot (its recorded ids) survives the service's own snapshot serializer. */
    @Test
    void aSurveySnapshotRoundTripsThroughTheServicesSerializer() throws Exception {
        var constructor = SatisfactionSurvey.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        SatisfactionSurvey survey = constructor.newInstance();
        Instant at = Instant.parse("2025-03-01T00:00:00Z");
        var onOpened = SatisfactionSurvey.class.getDeclaredMethod("on", SurveyOpened.class);
        var onRecorded = SatisfactionSurvey.class.getDeclaredMethod("on", SurveyResponsesRecorded.class);
        onOpened.setAccessible(true);
        onRecorded.setAccessible(true);
        onOpened.invoke(survey, new SurveyOpened("310105010:2025", STREET, 2025, "questionnaire.v1", "street-" + STREET, at));
        onRecorded.invoke(survey, new SurveyResponsesRecorded("310105010:2025", STREET, 2025, "questionnaire.v1",
                List.of(new SurveyResponse("snap-1", "RESIDENT", "2025-02-01", java.util.Map.of("Q01", 3))), "street-" + STREET, at));
        var stored = snapshotSerializer.serialize(survey, byte[].class);
        SatisfactionSurvey restored = snapshotSerializer.deserialize(stored);
        assertThat(new String(snapshotSerializer.serialize(restored, byte[].class).getData(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(stored.getData(), java.nio.charset.StandardCharsets.UTF_8)).contains("snap-1", "310105010:2025");
    }

    /** The import takes both forms in one operation of the document, and every operation keeps the partner contract. */
    @Test
    void theApiDocumentDescribesTheImportInBothFormsAndKeepsThePartnerContract() {
        JsonNode document = http.getForObject("/v3/api-docs", JsonNode.class);
        JsonNode post = document.path("paths").path("/api/v1/assessments/surveys/{streetCode}/{year}/responses").path("post");
        assertThat(post.path("requestBody").path("content").has("application/json")).as("%s", post).isTrue();
        assertThat(post.path("requestBody").path("content").has("text/csv")).as("%s", post).isTrue();
        cn.changning.governance.common.testing.ApiDocumentRules.assertPartnerContract(document);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private ResponseEntity<JsonNode> csv(String path, String body, TestCallers caller) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv; charset=UTF-8"));
        return call(HttpMethod.POST, path, body, caller, headers);
    }
}
