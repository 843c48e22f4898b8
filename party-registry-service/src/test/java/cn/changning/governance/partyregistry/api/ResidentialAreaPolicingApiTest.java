package cn.changning.governance.partyregistry.api;

import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.partyregistry.support.PartyRegistryIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One police officer per residential area through the API, on two areas of Xinjing town this test alone uses: the
 * first-in-then-out refusal, the handover, an officer in post in one area at a time (checked on the read model),
 * cross-appointment of a party member only, the 5-year warning in the answer and on the area, and names sealed,
 * masked without the personal-data scope.
 */
class ResidentialAreaPolicingApiTest extends PartyRegistryIntegrationTest {

    private static final String AREA = "310105102022";
    private static final String OTHER_AREA = "310105102023";
    private static final String TOWN = "310105102";
    private static final String BASE = "/api/v1/party/residential-areas/";

    @Test
    void anAreaKeepsAnOfficerThroughAHandoverAndTheEarlyLeaverIsAWarning() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String wang = register("W" + run, "王建国", "\"" + UUID.randomUUID() + "\"", "\"2020-07-01\"");
        String li = register("L" + run, "李明", "null", "null");

        assertThat(post(BASE + AREA + "/officers", "{\"officerId\":\"" + wang + "\",\"inPostFrom\":\"2023-01-01\"}")
                .getStatusCode().value()).isEqualTo(200);
        // First in, then out: the only officer in post is not released.
        ResponseEntity<JsonNode> alone = post(BASE + AREA + "/officers/" + wang + "/release", "{\"releasedOn\":\"2026-05-10\"}");
        assertThat(alone.getStatusCode().value()).isEqualTo(409);
        assertThat(alone.getBody().path("code").asText()).isEqualTo("area-left-without-officer");

        // The successor arrives (two in post during the handover) ...
        assertThat(post(BASE + AREA + "/officers", "{\"officerId\":\"" + li + "\",\"inPostFrom\":\"2026-05-01\"}")
                .getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> area(REGISTRY_STAFF).path("officersInPost").size() == 2);
        // ... and is in post in one area at a time.
        ResponseEntity<JsonNode> elsewhere = post(BASE + OTHER_AREA + "/officers",
                "{\"officerId\":\"" + li + "\",\"inPostFrom\":\"2026-05-02\"}");
        assertThat(elsewhere.getStatusCode().value()).isEqualTo(409);
        assertThat(elsewhere.getBody().path("code").asText()).isEqualTo("officer-in-post-elsewhere");

        // Cross-appointment: the officer who is not a party member is refused, the party member appointed.
        ResponseEntity<JsonNode> notMember = post(BASE + AREA + "/deputy-secretary",
                "{\"officerId\":\"" + li + "\",\"appointedOn\":\"2026-05-02\"}");
        assertThat(notMember.getBody().path("code").asText()).isEqualTo("officer-not-party-member");
        assertThat(post(BASE + AREA + "/deputy-secretary", "{\"officerId\":\"" + wang + "\",\"appointedOn\":\"2023-02-01\"}")
                .getStatusCode().value()).isEqualTo(200);

        // Then out, after 3 years 4 months: released, with the warning in the answer.
        ResponseEntity<JsonNode> released = post(BASE + AREA + "/officers/" + wang + "/release", "{\"releasedOn\":\"2026-05-10\"}");
        assertThat(released.getStatusCode().value()).isEqualTo(200);
        assertThat(released.getBody().path("warnings").get(0).path("code").asText()).isEqualTo("left-within-five-years");

        await().atMost(Duration.ofSeconds(10)).until(() -> area(REGISTRY_STAFF).path("officersInPost").size() == 1);
        JsonNode masked = area(REGISTRY_STAFF);
        assertThat(masked.path("officersInPost").get(0).path("officerId").asText()).isEqualTo(li);
        assertThat(masked.path("officersInPost").get(0).path("name").path("value").asText()).isEqualTo("李*");
        assertThat(masked.path("deputySecretary").isNull()).as("the deputy post ends with the officer's").isTrue();
        assertThat(masked.path("warnings").get(0).path("officerId").asText()).isEqualTo(wang);
        JsonNode clear = call(HttpMethod.GET, "/api/v1/party/police-officers/" + wang, null, REGISTRY_OFFICER).getBody();
        assertThat(clear.path("name").path("value").asText()).isEqualTo("王建国");
        assertThat(clear.path("inPostIn").isNull()).isTrue();
        assertThat(clear.path("postings").get(0).path("releasedOn").asText()).isEqualTo("2026-05-10");
    }

    @Test
    void anAreaOutsideTheReferenceDataIsNotFoundAndAnActionNeedsIfMatch() {
        assertThat(call(HttpMethod.GET, BASE + "310105102999", null, REGISTRY_STAFF).getStatusCode().value()).isEqualTo(404);
        assertThat(call(HttpMethod.POST, BASE + OTHER_AREA + "/officers",
                "{\"officerId\":\"" + UUID.randomUUID() + "\",\"inPostFrom\":\"2026-01-01\"}", REGISTRY_STAFF)
                .getStatusCode().value()).isEqualTo(428);
    }

    private String register(String badge, String name, String partyMemberId, String joinedPartyOn) {
        ResponseEntity<JsonNode> answer = call(HttpMethod.POST, "/api/v1/party/police-officers", "{\"badgeNumber\":\"" + badge
                + "\",\"name\":\"" + name + "\",\"partyMemberId\":" + partyMemberId + ",\"joinedPartyOn\":" + joinedPartyOn
                + ",\"streetCode\":\"" + TOWN + "\"}", REGISTRY_STAFF);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        String officerId = RegistryIds.officer(badge);
        assertThat(answer.getBody().path("officerId").asText()).isEqualTo(officerId);
        // The actions check the officer on the read model: wait until it is there.
        await().atMost(Duration.ofSeconds(10)).until(() -> call(HttpMethod.GET, "/api/v1/party/police-officers/" + officerId,
                null, REGISTRY_STAFF).getStatusCode().value() == 200);
        return officerId;
    }

    private JsonNode area(cn.changning.governance.common.testing.TestCallers caller) {
        return call(HttpMethod.GET, BASE + AREA, null, caller).getBody();
    }

    private ResponseEntity<JsonNode> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setIfMatch("*");
        return call(HttpMethod.POST, path, body, REGISTRY_STAFF, headers);
    }
}
