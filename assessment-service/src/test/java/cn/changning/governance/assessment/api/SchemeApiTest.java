package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.scoring.ScoredPeriods;
import cn.changning.governance.assessment.support.AssessmentServiceIntegrationTest;
import cn.changning.governance.common.testing.TestCallers;
import cn.changning.governance.contracts.identity.Scopes;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheme endpoints, and the what-if's refusals (400 naming the field, 404 for a period not scored). The what-if's
 * answers themselves are tested purely (WhatIfTest) and end to end in the system test.
 */
class SchemeApiTest extends AssessmentServiceIntegrationTest {

    private static final String SCHEMES = "/api/v1/assessments/schemes";
    private static final TestCallers STREET = TestCallers.street("310105001");

    @Autowired
    private ObjectProvider<ScoredPeriods> scoredPeriods;

    @Test
    void theSchemesAreListedWithTheCurrentOnes() {
        ResponseEntity<JsonNode> answer = call(HttpMethod.GET, SCHEMES, null, STREET);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().path("total").asInt()).isEqualTo(4);
        List<String> rows = new ArrayList<>();
        answer.getBody().path("items").forEach(i -> rows.add(i.path("id").asText() + " " + i.path("kind").asText() + " " + i.path("current").asBoolean()));
        assertThat(rows).containsExactly("agency-2016.v1 AGENCY true", "agency-pre-2016.v1 AGENCY false",
                "street-2016.v1 STREET true", "street-pre-2016.v1 STREET false");
    }

    @Test
    void oneSchemeIsServedWhole() {
        JsonNode street = call(HttpMethod.GET, SCHEMES + "/street-2016.v1", null, DISTRICT).getBody();
        assertThat(street.path("kind").asText()).isEqualTo("STREET");
        assertThat(street.path("scheme").path("items")).hasSize(55);
        assertThat(street.path("scheme").path("satisfactionPoints").asDouble()).isEqualTo(30);
        JsonNode item = street.path("scheme").path("items").get(0);
        assertThat(item.path("code").asText()).isEqualTo("SAT-01");
        assertThat(item.path("measure").asText()).isEqualTo("SATISFACTION");

        JsonNode agency = call(HttpMethod.GET, SCHEMES + "/agency-pre-2016.v1", null, DISTRICT).getBody();
        assertThat(agency.path("kind").asText()).isEqualTo("AGENCY");
        assertThat(agency.path("current").asBoolean()).isFalse();
        assertThat(agency.path("scheme").path("residentEvaluation").path("weight").asDouble()).isEqualTo(20);
        assertThat(agency.path("scheme").path("bands").path("excellent").asDouble()).isEqualTo(90);

        ResponseEntity<JsonNode> unknown = call(HttpMethod.GET, SCHEMES + "/street-1999.v1", null, DISTRICT);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theSchemesAskForAssessmentRead() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(DISTRICT.tokenWithout(Scopes.ASSESSMENT_READ));
        ResponseEntity<JsonNode> answer = http.exchange(SCHEMES, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anInvalidVariantIsRefusedWith400NamingTheField() {
        assertRefused("2026", "{\"satisfactionPoints\": 120}", "satisfactionPoints");
        assertRefused("2026", "{\"agencySchemeId\": \"agency-1999.v1\"}", "agencySchemeId");
        assertRefused("2026", "{\"indicatorWeights\": {\"SPEED\": 1}}", "indicatorWeights.SPEED");
        assertRefused("2026", "{\"indicatorWeights\": {\"REWORK_RATE\": -2}}", "indicatorWeights.REWORK_RATE");
        assertRefused("2026", "{\"gradeBands\": {\"excellent\": 70, \"good\": 80, \"pass\": 60}}", "gradeBands");
        // Strict input: a misspelt field is refused, not ignored.
        assertRefused("2026", "{\"satisfaction\": 20}", "satisfaction");
        assertRefused("2026-13", "{}", "period");
    }

    @Test
    void aPeriodNotScoredIs404() {
        ResponseEntity<JsonNode> answer = call(HttpMethod.POST, "/api/v1/assessments/periods/2001/what-if",
                "{\"satisfactionPoints\": 20}", DISTRICT);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        if (scoredPeriods.getIfAvailable() == null) {
            // Until the ratings' read model provides the port, the what-if says it cannot read periods (never a 500).
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(answer.getBody().path("detail").asText()).contains("scored periods are not available");
        } else {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getBody().path("detail").asText()).isEqualTo(
                    "Period 2001 has not been scored (or is not yours to see): there is nothing to re-score");
        }
    }

    private void assertRefused(String period, String body, String field) {
        ResponseEntity<JsonNode> answer = call(HttpMethod.POST, "/api/v1/assessments/periods/" + period + "/what-if", body, DISTRICT);
        assertThat(answer.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).as(body).isEqualTo(field);
    }
}
