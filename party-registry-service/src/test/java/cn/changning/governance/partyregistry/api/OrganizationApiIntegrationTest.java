package cn.changning.governance.partyregistry.api;

import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.partyregistry.support.PartyRegistryIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Organisations and the registers through the API: hierarchy rules as problems, idempotent registration, lists. */
class OrganizationApiIntegrationTest extends PartyRegistryIntegrationTest {

    private static final String STREET = "310105004";

    private ResponseEntity<JsonNode> register(String code, String level, String parentId, String area) {
        return call(HttpMethod.POST, "/api/v1/party/organizations", """
                {"code": "%s", "name": "天山 %s", "kind": "GOVERNMENT_BODY", "level": "%s", "parentId": %s,
                 "streetCode": "%s", "residentialAreaCode": %s, "foundedOn": "1999-10-01"}""".formatted(code, code, level,
                parentId == null ? "null" : "\"" + parentId + "\"", STREET, area == null ? "null" : "\"" + area + "\""),
                REGISTRY_STAFF);
    }

    @Test
    void theHierarchyIsListedUnderItsParentOnceProjected() {
        String committee = register("org-c1", "COMMITTEE", null, null).getBody().path("id").asText();
        assertThat(committee).isEqualTo(RegistryIds.organization("org-c1"));
        String general = register("org-g1", "GENERAL_BRANCH", committee, null).getBody().path("id").asText();
        assertThat(register("org-b1", "BRANCH", general, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(register("org-b2", "BRANCH", committee, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode children = call(HttpMethod.GET, "/api/v1/party/organizations?parent=" + committee, null, DISTRICT).getBody();
            assertThat(children.path("items").findValuesAsText("code")).containsExactly("org-b2", "org-g1");
        });
        JsonNode one = call(HttpMethod.GET, "/api/v1/party/organizations/" + general, null, REGISTRY_STAFF).getBody();
        assertThat(one.path("level").asText()).isEqualTo("GENERAL_BRANCH");
        assertThat(one.path("parentId").asText()).isEqualTo(committee);
    }

    @Test
    void aBranchUnderABranchIsRefusedNamingTheParent() {
        String committee = register("org-c2", "COMMITTEE", null, null).getBody().path("id").asText();
        String branch = register("org-b3", "BRANCH", committee, null).getBody().path("id").asText();

        ResponseEntity<JsonNode> refused = register("org-b4", "BRANCH", branch, null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("code").asText()).isEqualTo("parent-level-not-allowed");
        assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("parentId");
    }

    @Test
    void aResidentialAreaOfAnotherStreetIsRefused() {
        // 310105001001 lies in Huayang Road street, not Tianshan Road.
        ResponseEntity<JsonNode> refused = register("org-c3", "COMMITTEE", null, "310105001001");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("code").asText()).isEqualTo("residential-area-outside-street");
    }

    @Test
    void theSameRegistrationTwiceAnswersTheSameAndAnotherUnderTheCodeIsAConflict() {
        ResponseEntity<JsonNode> first = register("org-c4", "COMMITTEE", null, null);
        ResponseEntity<JsonNode> again = register("org-c4", "COMMITTEE", null, null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody()).isEqualTo(first.getBody());

        String other = register("org-c5", "COMMITTEE", null, null).getBody().path("id").asText();
        ResponseEntity<JsonNode> conflicting = register("org-c4", "COMMITTEE", other, null);
        assertThat(conflicting.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(conflicting.getBody().path("code").asText()).isEqualTo("organization-registered-differently");
    }

    @Test
    void aMalformedStreetCodeIsABadRequestNamingTheField() {
        ResponseEntity<JsonNode> answer = call(HttpMethod.POST, "/api/v1/party/organizations", """
                {"code": "org-x", "name": "x", "kind": "TWO_NEW", "level": "COMMITTEE", "streetCode": "31010"}""",
                REGISTRY_STAFF);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").findValuesAsText("field")).contains("streetCode");
    }

    @Test
    void writingNeedsTheWriteScope() {
        ResponseEntity<JsonNode> answer = call(HttpMethod.POST, "/api/v1/party/organizations", """
                {"code": "org-y", "name": "y", "kind": "TWO_NEW", "level": "COMMITTEE", "streetCode": "310105004"}""",
                DISTRICT);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theRegistersAreRegisteredReadAndListedByStreet() {
        String street = "310105005";
        ResponseEntity<JsonNode> building = call(HttpMethod.POST, "/api/v1/party/buildings", """
                {"code": "bld-api-1", "name": "虹桥大厦", "streetCode": "%s", "floors": 28}""".formatted(street), REGISTRY_STAFF);
        assertThat(building.getStatusCode()).as(String.valueOf(building.getBody())).isEqualTo(HttpStatus.CREATED);
        String buildingId = building.getBody().path("id").asText();
        ResponseEntity<JsonNode> unit = call(HttpMethod.POST, "/api/v1/party/resident-units", """
                {"creditCode": "91310105API00001X", "name": "某网络科技有限公司", "category": "NEW_ECONOMIC",
                 "streetCode": "%s", "buildingId": "%s", "employees": 35}""".formatted(street, buildingId), REGISTRY_STAFF);
        assertThat(unit.getStatusCode()).as(String.valueOf(unit.getBody())).isEqualTo(HttpStatus.CREATED);
        String unitId = unit.getBody().path("id").asText();
        assertThat(call(HttpMethod.POST, "/api/v1/party/youth-league-organizations", """
                {"code": "yl-api-1", "name": "某公司团支部", "streetCode": "%s", "unitId": "%s", "members": 9}"""
                .formatted(street, unitId), REGISTRY_STAFF).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(call(HttpMethod.POST, "/api/v1/party/trade-unions", """
                {"code": "tu-api-1", "name": "某公司工会", "streetCode": "%s", "unitId": "%s", "members": 30}"""
                .formatted(street, unitId), REGISTRY_STAFF).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> worker = call(HttpMethod.POST, "/api/v1/party/party-workers", """
                {"staffNumber": "pw-api-1", "name": "李小龙", "streetCode": "%s", "fullTime": true}""".formatted(street),
                REGISTRY_STAFF);
        assertThat(worker.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String workerId = worker.getBody().path("id").asText();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode w = call(HttpMethod.GET, "/api/v1/party/party-workers/" + workerId, null, REGISTRY_STAFF).getBody();
            assertThat(w.path("name").asText()).isEqualTo("李**");
        });
        assertThat(call(HttpMethod.GET, "/api/v1/party/party-workers/" + workerId, null, REGISTRY_OFFICER).getBody()
                .path("name").asText()).isEqualTo("李小龙");
        JsonNode u = call(HttpMethod.GET, "/api/v1/party/resident-units/" + unitId, null, REGISTRY_STAFF).getBody();
        assertThat(u.path("twoNew").asBoolean()).isTrue();
        assertThat(u.path("buildingId").asText()).isEqualTo(buildingId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(call(HttpMethod.GET,
                "/api/v1/party/trade-unions?street=" + street, null, REGISTRY_STAFF).getBody().path("items")
                .findValuesAsText("code")).contains("tu-api-1"));
        ResponseEntity<JsonNode> badFloors = call(HttpMethod.POST, "/api/v1/party/buildings", """
                {"code": "bld-api-2", "name": "x", "streetCode": "%s", "floors": 0}""".formatted(street), REGISTRY_STAFF);
        assertThat(badFloors.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badFloors.getBody().path("errors").findValuesAsText("field")).contains("floors");
    }

    @Test
    void anActivityIsRecordedAtTheOrganizationsPlaceAndFoundByPeriod() {
        String committee = register("org-c6", "COMMITTEE", null, null).getBody().path("id").asText();
        ResponseEntity<JsonNode> recorded = call(HttpMethod.POST, "/api/v1/party/activities", """
                {"organizationId": "%s", "kind": "THEME_PARTY_DAY", "title": "七一主题党日", "heldOn": "2026-07-01",
                 "participants": 41}""".formatted(committee), REGISTRY_STAFF);
        assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.CREATED);
        String recordId = recorded.getBody().path("id").asText();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode july = call(HttpMethod.GET, "/api/v1/party/records?organization=" + committee
                    + "&from=2026-07-01&to=2026-07-31", null, REGISTRY_STAFF).getBody();
            assertThat(july.path("items").findValuesAsText("recordId")).containsExactly(recordId);
        });
        JsonNode one = call(HttpMethod.GET, "/api/v1/party/records/" + recordId, null, REGISTRY_STAFF).getBody();
        assertThat(one.path("streetCode").asText()).isEqualTo(STREET);
        assertThat(one.path("recordedBy").asText()).isEqualTo("registry-staff");
        JsonNode june = call(HttpMethod.GET, "/api/v1/party/records?organization=" + committee + "&to=2026-06-30", null,
                REGISTRY_STAFF).getBody();
        assertThat(june.path("total").asLong()).isZero();
        assertThat(call(HttpMethod.GET, "/api/v1/party/records?from=2026-08-01&to=2026-07-01", null, REGISTRY_STAFF)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
