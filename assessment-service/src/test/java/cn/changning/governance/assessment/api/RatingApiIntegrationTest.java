package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.support.AssessmentServiceIntegrationTest;
import cn.changning.governance.common.testing.TestCallers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ratings' REST flow with what needs no scoring sources: opening periods, the district's item scores, the
 * confirmation's refusal, who may see and do what (404 for others), If-Match. Its own periods (2041, 2042-Q1).
 */
class RatingApiIntegrationTest extends AssessmentServiceIntegrationTest {

    static final TestCallers HUAYANG = TestCallers.street("310105001");
    static final TestCallers OTHER_STREET = TestCallers.street("310105009");
    static final TestCallers SQUAD = TestCallers.agency("310105001-squad", "310105001", "DISTRICT_CITY_MANAGEMENT_BUREAU");
    static final TestCallers CITY_MANAGEMENT = TestCallers.department("DISTRICT_CITY_MANAGEMENT_BUREAU");
    static final TestCallers POLICE_BUREAU = TestCallers.department("DISTRICT_PUBLIC_SECURITY_BUREAU");

    static HttpHeaders ifMatch(String version) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("If-Match", version);
        return headers;
    }

    ResponseEntity<JsonNode> awaitOk(String path, TestCallers caller) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> call(HttpMethod.GET, path, null, caller),
                r -> r.getStatusCode() == HttpStatus.OK);
    }

    @Test
    void aYearIsOpenedOnceItsStreetsGetRecordedPointsAndItIsNotConfirmedBeforeItIsScored() {
        ResponseEntity<JsonNode> opened = call(HttpMethod.POST, "/api/v1/assessments/periods",
                "{\"period\": \"2041\", \"agencySchemeId\": \"agency-test.v1\", \"streetSchemeId\": \"street-test.v1\"}", DISTRICT);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(opened.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(call(HttpMethod.POST, "/api/v1/assessments/periods", "{\"period\": \"2041\", \"agencySchemeId\": \"a.v1\", "
                + "\"streetSchemeId\": \"s.v1\"}", DISTRICT).getStatusCode()).as("opened once").isEqualTo(HttpStatus.CONFLICT);
        assertThat(call(HttpMethod.POST, "/api/v1/assessments/periods", "{\"period\": \"2041\"}", HUAYANG).getStatusCode())
                .as("the district opens periods").isEqualTo(HttpStatus.FORBIDDEN);

        JsonNode period = awaitOk("/api/v1/assessments/periods/2041", HUAYANG).getBody();
        assertThat(period.get("state").asText()).isEqualTo("OPEN");
        assertThat(period.get("agencySchemeId").asText()).isEqualTo("agency-test.v1");
        assertThat(period.get("streetSchemeId").asText()).isEqualTo("street-test.v1");

        String items = "/api/v1/assessments/periods/2041/streets/310105001/item-scores";
        assertThat(call(HttpMethod.POST, items, "{\"itemCode\": \"B7\", \"points\": 4}", DISTRICT).getStatusCode())
                .as("an update needs If-Match").isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        ResponseEntity<JsonNode> recorded = call(HttpMethod.POST, items, "{\"itemCode\": \"B7\", \"points\": 4}", DISTRICT, ifMatch("*"));
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(recorded.getBody().get("version").asLong()).as("opened, then recorded").isEqualTo(1);
        assertThat(call(HttpMethod.POST, items, "{\"itemCode\": \"B7\", \"points\": 5}", DISTRICT, ifMatch("\"0\"")).getStatusCode())
                .as("a stale version").isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(call(HttpMethod.POST, items, "{\"itemCode\": \"B7\", \"points\": -1}", DISTRICT, ifMatch("*")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        String sheet = "/api/v1/assessments/periods/2041/streets/310105001";
        JsonNode own = awaitOk(sheet, HUAYANG).getBody();
        assertThat(own.at("/sheet/recordedItems/B7").asDouble()).isEqualTo(4.0);
        assertThat(call(HttpMethod.GET, sheet, null, OTHER_STREET).getStatusCode()).as("another street's sheet").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(HttpMethod.GET, sheet, null, SQUAD).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(HttpMethod.POST, "/api/v1/assessments/periods/2041/streets/310105001/corrections",
                "{\"itemCode\": \"B7\", \"points\": 5, \"reason\": \"early\"}", DISTRICT, ifMatch("*")).getBody().get("code").asText())
                .as("before confirmation points are recorded, not corrected").isEqualTo("street-assessment-not-confirmed");

        ResponseEntity<JsonNode> confirmation = call(HttpMethod.POST, "/api/v1/assessments/periods/2041/confirmation", null,
                DISTRICT, ifMatch("\"0\""));
        assertThat(confirmation.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(confirmation.getBody().get("code").asText()).isEqualTo("period-not-scored");
    }

    @Test
    void aQuarterTakesNoStreetSchemeAndItsAgenciesAreSeenOnlyByThoseTheyAnswerTo() {
        assertThat(call(HttpMethod.POST, "/api/v1/assessments/periods",
                "{\"period\": \"2042-Q1\", \"agencySchemeId\": \"agency-test.v1\", \"streetSchemeId\": \"street-test.v1\"}", DISTRICT)
                .getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(call(HttpMethod.POST, "/api/v1/assessments/periods", "{\"period\": \"2042-Q5\"}", DISTRICT).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(call(HttpMethod.POST, "/api/v1/assessments/periods",
                "{\"period\": \"2042-Q1\", \"agencySchemeId\": \"agency-test.v1\"}", DISTRICT).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        awaitOk("/api/v1/assessments/periods/2042-Q1", DISTRICT);
        assertThat(call(HttpMethod.GET, "/api/v1/assessments/periods/2042-Q1/streets", null, DISTRICT).getStatusCode())
                .as("streets are assessed per year").isEqualTo(HttpStatus.NOT_FOUND);

        String squad = "/api/v1/assessments/periods/2042-Q1/agencies/310105001-squad";
        String rating = "{\"grade\": \"EXCELLENT\", \"headStaffId\": \"head-0042\"}";
        assertThat(call(HttpMethod.POST, squad + "/department-rating", rating, POLICE_BUREAU, ifMatch("*")).getStatusCode())
                .as("not its agency").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(HttpMethod.POST, "/api/v1/assessments/periods/2042-Q1/agencies/310105001-street-team/department-rating",
                rating, CITY_MANAGEMENT, ifMatch("*")).getStatusCode()).as("a street team answers to no department").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(HttpMethod.POST, squad + "/department-rating", "{\"grade\": \"GOOD\", \"headStaffId\": \"Zhang San\"}",
                CITY_MANAGEMENT, ifMatch("*")).getStatusCode()).as("a head is a staff id, never a name").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(call(HttpMethod.POST, squad + "/street-rating", "{}", OTHER_STREET, ifMatch("*")).getStatusCode())
                .as("another street's agency").isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> vetoed = call(HttpMethod.POST, squad + "/department-rating", rating, CITY_MANAGEMENT, ifMatch("*"));
        assertThat(vetoed.getStatusCode()).as("THE VETO RULE over HTTP").isEqualTo(HttpStatus.CONFLICT);
        assertThat(vetoed.getBody().get("code").asText()).isEqualTo("veto-street-not-rated");
        assertThat(vetoed.getBody().get("detail").asText()).contains("the street has not rated it yet");
        ResponseEntity<JsonNode> good = call(HttpMethod.POST, squad + "/department-rating",
                "{\"grade\": \"GOOD\", \"headStaffId\": \"head-0042\"}", CITY_MANAGEMENT, ifMatch("*"));
        assertThat(good.getStatusCode()).as("a grade below EXCELLENT is always accepted").isEqualTo(HttpStatus.OK);
        assertThat(good.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(call(HttpMethod.POST, squad + "/department-rating", "{\"grade\": \"PASS\", \"headStaffId\": \"head-0042\"}",
                CITY_MANAGEMENT, ifMatch("*")).getBody().get("code").asText()).as("rated once").isEqualTo("department-rating-recorded");
        assertThat(call(HttpMethod.POST, squad + "/street-rating", "{}", HUAYANG, ifMatch("*")).getBody().get("code").asText())
                .as("nothing proposed to confirm").isEqualTo("rating-not-proposed");
        JsonNode drill = awaitOk(squad, SQUAD).getBody();
        assertThat(drill.at("/rating/row/departmentGrade").asText()).isEqualTo("GOOD");
        assertThat(call(HttpMethod.GET, squad, null, TestCallers.agency("310105001-police", "310105001",
                "DISTRICT_PUBLIC_SECURITY_BUREAU")).getStatusCode()).as("another agency").isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode board = awaitOk("/api/v1/assessments/periods/2042-Q1/agencies", HUAYANG).getBody();
        assertThat(board.get("total").asLong()).as("only the squad's assessment has begun").isEqualTo(1);
        assertThat(board.at("/items/0/rank").asInt()).as("not scored: no rank").isZero();
        assertThat(call(HttpMethod.GET, "/api/v1/assessments/periods/2042-Q1/agencies", null, OTHER_STREET).getBody()
                .get("total").asLong()).as("another street sees none of Huayang's agencies").isZero();
        ResponseEntity<String> csv = http.exchange("/api/v1/assessments/periods/2042-Q1/scoreboards/agencies.csv", HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(bearer(DISTRICT)), String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("rank,agencyId,streetCode,");
    }

    @Test
    void theServicesDocumentKeepsThePartnerContract() {
        ResponseEntity<JsonNode> document = http.getForEntity("/v3/api-docs", JsonNode.class);
        cn.changning.governance.common.testing.ApiDocumentRules.assertPartnerContract(document.getBody());
        assertThat(document.getBody().path("paths").has("/api/v1/assessments/periods/{period}/agencies/{agencyId}/department-rating")).isTrue();
    }

    static HttpHeaders bearer(TestCallers caller) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(caller.token());
        return headers;
    }
}
