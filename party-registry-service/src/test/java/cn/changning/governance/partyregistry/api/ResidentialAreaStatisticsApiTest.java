package cn.changning.governance.partyregistry.api;

import cn.changning.governance.partyregistry.support.PartyRegistryIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The secretary's appointment and the statistics through the API: the identity number gives the birth year (and is
 * not answered), the 507030 figures of the area's street follow the appointment through the topic, and bad places or
 * dates are refused naming the parameter. Uses one area of Xinjing town no other test appoints in.
 */
class ResidentialAreaStatisticsApiTest extends PartyRegistryIntegrationTest {

    private static final String AREA = "310105102021";
    private static final String STATS = "/api/v1/party/statistics";

    @Test
    void anAppointedSecretaryCountsInTheStreetsIndicatorsWithTheBirthYearOfTheIdentityNumber() {
        long before = call(HttpMethod.GET, STATS + "/secretaries-507030?streetCode=310105102&on=2026-12-01", null,
                REGISTRY_STAFF).getBody().path("bornIn1970sOr1980s").path("count").asLong();
        HttpHeaders headers = new HttpHeaders();
        headers.setIfMatch("*");
        ResponseEntity<JsonNode> appointed = call(HttpMethod.POST, "/api/v1/party/residential-areas/" + AREA + "/secretary",
                "{\"name\":\"陈晓红\",\"identityNumber\":\"31010519750315002X\",\"careerEstablishment\":true,"
                        + "\"appointedOn\":\"2026-01-05\"}", REGISTRY_STAFF, headers);
        assertThat(appointed.getStatusCode().value()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> call(HttpMethod.GET, "/api/v1/party/residential-areas/" + AREA,
                null, REGISTRY_STAFF).getBody().path("secretary").path("birthYear").asInt() == 1975);
        JsonNode area = call(HttpMethod.GET, "/api/v1/party/residential-areas/" + AREA, null, REGISTRY_STAFF).getBody();
        assertThat(area.path("secretary").path("name").path("value").asText()).isEqualTo("陈**");
        assertThat(area.toString()).doesNotContain("31010519750315002X");
        // Born in 1975: one more secretary of the 1970s or 1980s in the town.
        await().atMost(Duration.ofSeconds(10)).until(() -> call(HttpMethod.GET,
                STATS + "/secretaries-507030?streetCode=310105102&on=2026-12-01", null, REGISTRY_STAFF).getBody()
                .path("bornIn1970sOr1980s").path("count").asLong() == before + 1);
    }

    @Test
    void anUnknownPlaceIs404AndABadDateOrMonthIs400NamingTheParameter() {
        assertThat(call(HttpMethod.GET, STATS + "/streets/310105999", null, REGISTRY_STAFF).getStatusCode().value()).isEqualTo(404);
        assertThat(call(HttpMethod.GET, STATS + "/residential-areas/310105102999", null, REGISTRY_STAFF).getStatusCode().value())
                .isEqualTo(404);
        ResponseEntity<JsonNode> badDate = call(HttpMethod.GET, STATS + "/police-coverage?on=2026-13-01", null, REGISTRY_STAFF);
        assertThat(badDate.getStatusCode().value()).isEqualTo(400);
        assertThat(badDate.getBody().toString()).contains("on");
        ResponseEntity<JsonNode> backwards = call(HttpMethod.GET, STATS + "/monthly-trends?from=2026-05&to=2026-01", null,
                REGISTRY_STAFF);
        assertThat(backwards.getStatusCode().value()).isEqualTo(400);
        HttpHeaders headers = new HttpHeaders();
        headers.setIfMatch("*");
        ResponseEntity<JsonNode> badNumber = call(HttpMethod.POST, "/api/v1/party/residential-areas/" + AREA + "/secretary",
                "{\"name\":\"陈晓红\",\"identityNumber\":\"310105197503150021\",\"careerEstablishment\":true,"
                        + "\"appointedOn\":\"2026-01-05\"}", REGISTRY_STAFF, headers);
        assertThat(badNumber.getStatusCode().value()).as("a wrong check digit").isEqualTo(400);
        assertThat(badNumber.getBody().toString()).contains("identityNumber");
        JsonNode coverage = call(HttpMethod.GET, STATS + "/police-coverage?on=2026-12-01", null, REGISTRY_STAFF).getBody();
        assertThat(coverage.path("areas").asLong()).isEqualTo(185);
    }
}
