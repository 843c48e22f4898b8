package cn.changning.governance.cases.api;

import cn.changning.governance.cases.support.CaseServiceIntegrationTest;
import cn.changning.governance.common.testing.AuthorisationMatrix;
import cn.changning.governance.common.testing.AuthorisationMatrix.Call;
import cn.changning.governance.common.testing.TestCallers;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Grid;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the case service against every kind of refusal, generated from the service's own routes (a route
 * added without a row fails here): no token, an expired or foreign token, the right caller without the route's scope,
 * another street's centre or another partner (404: the case's existence is not revealed), and the right caller.
 */
class CaseAuthorisationMatrixTest extends CaseServiceIntegrationTest {

    static final Geography GEOGRAPHY = Geography.load();
    static final String STREET = "310105001";
    static final Grid GRID = GEOGRAPHY.grids(STREET).get(0);
    static final TestCallers CENTRE = TestCallers.street(STREET);
    static final TestCallers OTHER_CENTRE = TestCallers.street("310105002");
    static final TestCallers OTHER_PARTNER = TestCallers.partner("partner-city-platform");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyRouteRefusesWhoMayNotCallItAndServesWhoMay() {
        String cases = "/api/v1/cases";
        String area = GEOGRAPHY.residentialAreasInGrid(GRID.code()).get(0).code();
        new AuthorisationMatrix(http.getRootUri(), mapping)
                .row("POST", cases, PARTNER, null, () -> Call.post(cases, body("a report")))
                .row("GET", cases, CENTRE, null, () -> Call.get(cases + "?street=" + STREET))
                .row("GET", cases + "/stats", CENTRE, null, () -> Call.get(cases + "/stats"))
                .row("GET", cases + "/{caseId}", PARTNER, OTHER_PARTNER, () -> Call.get(cases + "/" + reported()))
                .row("GET", cases + "/{caseId}/timeline", CENTRE, OTHER_CENTRE, () -> Call.get(cases + "/" + reported() + "/timeline"))
                .row("GET", cases + "/{caseId}/duplicate-candidates", CENTRE, OTHER_CENTRE,
                        () -> Call.get(cases + "/" + reported() + "/duplicate-candidates"))
                .row("GET", cases + "/{caseId}/reporter", PARTNER, OTHER_PARTNER, () -> Call.get(cases + "/" + reported() + "/reporter"))
                .row("POST", cases + "/{caseId}/reporter/erasure", CENTRE, OTHER_CENTRE,
                        () -> Call.post(cases + "/" + reported() + "/reporter/erasure", "{}"))
                .row("POST", cases + "/{caseId}/file", CENTRE, OTHER_CENTRE,
                        () -> Call.post(cases + "/" + reported() + "/file", "{}", "\"0\""))
                .row("POST", cases + "/{caseId}/reject", CENTRE, OTHER_CENTRE,
                        () -> Call.post(cases + "/" + reported() + "/reject", "{\"reason\":\"INVALID\"}", "\"0\""))
                .row("POST", cases + "/{caseId}/mark-duplicate", CENTRE, OTHER_CENTRE,
                        () -> Call.post(cases + "/" + reported() + "/mark-duplicate", "{\"originalCaseId\":\"" + reported() + "\"}", "\"0\""))
                .row("POST", cases + "/{caseId}/verify", CENTRE, OTHER_CENTRE,
                        () -> Call.post(cases + "/" + handled() + "/verify", "{\"fixed\":true}", "\"3\""))
                .row("POST", cases + "/{caseId}/close", CENTRE, OTHER_CENTRE,
                        () -> Call.post(cases + "/" + verified(true) + "/close", "{\"resolution\":\"FIXED\"}", "\"4\""))
                .row("POST", cases + "/{caseId}/send-back", CENTRE, OTHER_CENTRE,
                        () -> Call.post(cases + "/" + verified(false) + "/send-back", "{\"reason\":\"still broken\"}", "\"4\""))
                .row("POST", cases + "/{caseId}/feedback", CENTRE, OTHER_CENTRE,
                        () -> Call.post(cases + "/" + closed() + "/feedback", "{\"satisfaction\":\"SATISFIED\"}", "\"5\""))
                .row("POST", cases + "/{caseId}/reopen", CENTRE, OTHER_CENTRE,
                        () -> Call.post(cases + "/" + closed() + "/reopen", "{\"reason\":\"broken again\"}", "\"5\""))
                .row("POST", cases + "/{caseId}/suspend", CENTRE, OTHER_CENTRE,
                        () -> Call.post(cases + "/" + filed() + "/suspend", "{\"reason\":\"court case\",\"approvedBy\":\"director\"}", "\"1\""))
                .row("POST", cases + "/{caseId}/resume", CENTRE, OTHER_CENTRE,
                        () -> Call.post(cases + "/" + suspended() + "/resume", "{}", "\"2\""))
                .row("GET", "/api/v1/catalogue/items", PARTNER, null, () -> Call.get("/api/v1/catalogue/items"))
                .row("GET", "/api/v1/catalogue/items/{code}", PARTNER, null, () -> Call.get("/api/v1/catalogue/items/0101"))
                .row("GET", "/api/v1/geography", PARTNER, null, () -> Call.get("/api/v1/geography"))
                .row("GET", "/api/v1/geography/subdistricts", PARTNER, null, () -> Call.get("/api/v1/geography/subdistricts"))
                .row("GET", "/api/v1/geography/subdistricts/{code}", PARTNER, null, () -> Call.get("/api/v1/geography/subdistricts/" + STREET))
                .row("GET", "/api/v1/geography/grids", PARTNER, null, () -> Call.get("/api/v1/geography/grids"))
                .row("GET", "/api/v1/geography/grids/at", PARTNER, null,
                        () -> Call.get("/api/v1/geography/grids/at?lat=" + GRID.centre().lat() + "&lng=" + GRID.centre().lng()))
                .row("GET", "/api/v1/geography/grids/{code}", PARTNER, null, () -> Call.get("/api/v1/geography/grids/" + GRID.code()))
                .row("GET", "/api/v1/geography/residential-areas", PARTNER, null, () -> Call.get("/api/v1/geography/residential-areas"))
                .row("GET", "/api/v1/geography/residential-areas/{code}", PARTNER, null,
                        () -> Call.get("/api/v1/geography/residential-areas/" + area))
                .check();
    }

    @Test
    void aPartnerReadsOnlyWhatItReportedAndAStreetOnlyItsOwn() {
        String mine = reported();
        JsonNode view = get("/api/v1/cases/" + mine);
        assertThat(view.get("reportedBy").asText()).as("recorded from the token").isEqualTo(PARTNER.clientId());

        JsonNode partnersList = json(http.exchange("/api/v1/cases?size=100", org.springframework.http.HttpMethod.GET,
                bearer(OTHER_PARTNER), String.class));
        assertThat(partnersList.get("items").findValuesAsText("caseId")).doesNotContain(mine);
        assertThat(partnersList.get("items").findValuesAsText("reportedBy")).allMatch(OTHER_PARTNER.clientId()::equals);

        JsonNode otherStreet = json(http.exchange("/api/v1/cases?size=100", org.springframework.http.HttpMethod.GET,
                bearer(OTHER_CENTRE), String.class));
        assertThat(otherStreet.get("items").findValuesAsText("streetCode")).allMatch("310105002"::equals);
        assertThat(http.exchange("/api/v1/cases?street=" + STREET, org.springframework.http.HttpMethod.GET,
                bearer(OTHER_CENTRE), String.class).getBody()).contains("\"total\":0");
    }

    @Test
    void aStreetActsAsItselfWhateverTheBodySays() {
        String id = reported();
        assertThat(send(org.springframework.http.HttpMethod.POST, "/api/v1/cases/" + id + "/file",
                "{\"filedBy\":\"street-310105002\"}", "\"0\"").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/v1/cases/" + id).get("version").asLong()).as("nothing recorded").isZero();
        assertThat(action(id, "file", "{}", "\"0\"").getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode timeline = awaitTimeline(id, 2);
        assertThat(timeline.get("entries").get(1).get("by").asText()).isEqualTo(CENTRE.clientId());
    }

    private org.springframework.http.HttpEntity<Void> bearer(TestCallers caller) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(caller.token());
        return new org.springframework.http.HttpEntity<>(headers);
    }

    private JsonNode awaitTimeline(String id, int entries) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(
                () -> get("/api/v1/cases/" + id + "/timeline"), t -> t.get("entries").size() >= entries);
    }

    private String body(String description) {
        return reportBody("0302", GRID.centre().lat(), GRID.centre().lng(), description);
    }

    private String reported() {
        return report(body("matrix case"));
    }

    private String filed() {
        String id = reported();
        assertThat(action(id, "file", "{}", "\"0\"").getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitStep(id, "FILED", 1);
        return id;
    }

    private String suspended() {
        String id = filed();
        assertThat(action(id, "suspend", "{\"reason\":\"court case\",\"approvedBy\":\"director\"}", "\"1\"").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        awaitCase(id, c -> c.get("version").asLong() == 2);
        return id;
    }

    /** Dispatched and handled as the dispatch service's events say (its topic, simulated here). */
    private String handled() {
        String id = filed();
        String order = id + "-r0";
        JsonNode filedView = get("/api/v1/cases/" + id);
        publishDispatchEvent(order, 0, new DispatchOrderIssued(order, id, 0, STREET + "-squad", List.of(), STREET,
                Instant.parse(filedView.get("deadline").asText()), Instant.now()));
        publishDispatchEvent(order, 1, new DispatchOrderHandled(order, id, 0, STREET + "-squad", "RESOLVED", "", List.of(),
                true, Instant.now()));
        awaitStep(id, "HANDLED", 3);
        return id;
    }

    private String verified(boolean fixed) {
        String id = handled();
        assertThat(action(id, "verify", "{\"fixed\":" + fixed + "}", "\"3\"").getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitStep(id, "VERIFIED", 4);
        return id;
    }

    private String closed() {
        String id = verified(true);
        assertThat(action(id, "close", "{\"resolution\":\"FIXED\"}", "\"4\"").getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitStep(id, "CLOSED", 5);
        return id;
    }
}
