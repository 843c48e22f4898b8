package cn.changning.governance.cases.api;

import cn.changning.governance.cases.support.CaseServiceIntegrationTest;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One case through all six steps over the case service's REST API, with one rework round. The
 * dispatch service is simulated by publishing its contract events to the dispatch topic; after
 * each step the read model and the timeline must show it.
 */
class ClosedLoopIntegrationTest extends CaseServiceIntegrationTest {

    /** Tianshan Road grid 2 is used by this test alone, so its counts are this case's. */
    static final String GRID = "310105006000002";
    static final String STREET = "310105006";

    @Autowired
    MeterRegistry meterRegistry;

    @Test
    void aCaseGoesThroughTheSixStepsWithOneReworkRound() {
        double closedBefore = counter("governance.cases.closed");
        double reworkedBefore = counter("governance.cases.reworked");

        // 1 discover
        String id = report(reportBody("1101", 31.212, 121.4075, "Rubbish bags piled at the bus stop"));
        JsonNode c = at(id, "REPORTED", 0, "CaseReported");
        assertThat(c.get("gridCode").asText()).isEqualTo(GRID);
        assertTimeline(id, "CaseReported");

        // 2 file
        ResponseEntity<String> filed = action(id, "file", "{}", "\"0\"");
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(filed.getHeaders().getETag()).isEqualTo("\"1\"");
        c = at(id, "FILED", 1, "CaseFiled");
        assertThat(c.get("streetCode").asText()).isEqualTo(STREET);
        assertThat(c.get("itemClass").asText()).isEqualTo("EVENT");
        assertThat(c.get("handlingType").asText()).isEqualTo("A");
        assertThat(Instant.parse(c.get("deadline").asText())).isAfter(Instant.parse(c.get("filedAt").asText()));
        assertTimeline(id, "CaseReported", "CaseFiled");
        Instant afterFiling = Instant.now();

        // 3 dispatch, 4 handle: the dispatch service's events arrive on its topic
        String order0 = "order-" + id + "-0";
        publishDispatchEvent(order0, 0, new DispatchOrderIssued(order0, id, 0, "greening-office", List.of(), STREET,
                Instant.parse(c.get("deadline").asText()), Instant.now()));
        c = at(id, "DISPATCHED", 2, "CaseDispatched");
        assertThat(c.get("dispatch").get("leadAgencyId").asText()).isEqualTo("greening-office");
        publishDispatchEvent(order0, 1, new DispatchOrderHandled(order0, id, 0, "greening-office", "cleared", "",
                List.of(), true, Instant.now()));
        at(id, "HANDLED", 3, "CaseHandled");
        assertTimeline(id, "CaseReported", "CaseFiled", "CaseDispatched", "CaseHandled");

        // 5 verify: not fixed, so back for rework
        assertThat(action(id, "verify", "{\"fixed\":false,\"note\":\"bags back\"}", "\"3\"")
                .getHeaders().getETag()).isEqualTo("\"4\"");
        at(id, "VERIFIED", 4, "CaseVerified");
        assertThat(action(id, "send-back", "{\"reason\":\"bags back\"}", "\"4\"")
                .getHeaders().getETag()).isEqualTo("\"6\"");
        // sent back, and the new round's deadline set by the rule the dispatch order uses too
        c = at(id, "SENT_BACK", 6, "CaseRoundDeadlineSet");
        assertThat(c.get("reworkCount").asInt()).isEqualTo(1);

        // the second round
        String order1 = "order-" + id + "-1";
        publishDispatchEvent(order1, 0, new DispatchOrderIssued(order1, id, 1, "greening-office", List.of("city-management-squad"),
                STREET, Instant.parse(c.get("deadline").asText()), Instant.now()));
        c = at(id, "DISPATCHED", 7, "CaseDispatched");
        assertThat(c.get("dispatch").get("round").asInt()).isEqualTo(1);
        publishDispatchEvent(order1, 1, new DispatchOrderHandled(order1, id, 1, "greening-office", "cleared, bins added", "",
                List.of(), true, Instant.now()));
        at(id, "HANDLED", 8, "CaseHandled");

        // 5 verify and close
        action(id, "verify", "{\"fixed\":true}", "\"8\"");
        at(id, "VERIFIED", 9, "CaseVerified");
        ResponseEntity<String> closed = action(id, "close", "{\"resolution\":\"FIXED\"}", "\"9\"");
        assertThat(closed.getHeaders().getETag()).isEqualTo("\"10\"");
        c = at(id, "CLOSED", 10, "CaseClosed");
        assertThat(c.get("resolution").asText()).isEqualTo("FIXED");
        assertThat(c.get("open").asBoolean()).isFalse();

        // 6 assess
        action(id, "feedback", "{\"satisfaction\":\"SATISFIED\",\"comment\":\"clean now\"}", "\"10\"");
        c = at(id, "ASSESSED", 11, "CaseFeedbackRecorded");
        assertThat(c.get("feedback").get("satisfaction").asText()).isEqualTo("SATISFIED");

        JsonNode timeline = assertTimeline(id, "CaseReported", "CaseFiled", "CaseDispatched", "CaseHandled", "CaseVerified",
                "CaseSentBackForRework", "CaseRoundDeadlineSet", "CaseDispatched", "CaseHandled", "CaseVerified", "CaseClosed", "CaseFeedbackRecorded");
        assertThat(timeline.get("entries").get(1).get("by").asText()).as("the street centre of the token").isEqualTo("street-" + STREET);
        assertThat(timeline.get("entries").get(5).get("details").get("reason").asText()).isEqualTo("bags back");
        assertThat(timeline.get("entries").get(10).get("at").asText()).isNotBlank();

        // the pre-aggregated counts moved the case along: only its last step counts it
        // (reconciled just after the case document, so awaited too)
        JsonNode stats = await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/cases/stats?grid=" + GRID),
                s -> s.get("buckets").size() == 1 && s.get("buckets").get(0).get("step").asText().equals("ASSESSED"));
        assertThat(stats.get("total").asLong()).isEqualTo(1);
        assertThat(stats.get("buckets").get(0).get("itemClass").asText()).isEqualTo("EVENT");

        // the list finds it by its filters
        JsonNode page = get("/api/v1/cases?grid=" + GRID + "&step=ASSESSED&class=EVENT&q=bus stop");
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("caseId").asText()).isEqualTo(id);

        // as of a past instant, from the event store
        ResponseEntity<String> past = http.getForEntity("/api/v1/cases/" + id + "?asOf=" + afterFiling, String.class);
        assertThat(past.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(json(past).get("step").asText()).isEqualTo("FILED");
        assertThat(json(past).get("dispatch").isNull()).isTrue();

        // metrics: a close and a rework counted for this street
        assertThat(counter("governance.cases.closed")).isEqualTo(closedBefore + 1);
        assertThat(counter("governance.cases.reworked")).isEqualTo(reworkedBefore + 1);
        assertThat(meterRegistry.find("governance.cases.report.to.close").tag("item_class", "EVENT").timer().count())
                .isGreaterThanOrEqualTo(1);
    }

    /** Waits for the read model to show the step at this version, then checks the timeline ends with its event. */
    private JsonNode at(String id, String step, long version, String event) {
        JsonNode c = awaitStep(id, step, version);
        JsonNode entries = get("/api/v1/cases/" + id + "/timeline").get("entries");
        assertThat(entries.size()).isEqualTo(version + 1);
        JsonNode last = entries.get(entries.size() - 1);
        assertThat(last.get("event").asText()).isEqualTo(event);
        assertThat(last.get("sequence").asLong()).isEqualTo(version);
        assertThat(last.get("by").asText()).isNotBlank();
        assertThat(last.get("at").asText()).isNotBlank();
        return c;
    }

    private double counter(String name) {
        var counter = meterRegistry.find(name).tag("street", STREET).tag("item_class", "EVENT").counter();
        return counter == null ? 0 : counter.count();
    }

    private JsonNode assertTimeline(String id, String... events) {
        JsonNode timeline = get("/api/v1/cases/" + id + "/timeline");
        List<String> names = new ArrayList<>();
        timeline.get("entries").forEach(e -> names.add(e.get("event").asText()));
        assertThat(names).containsExactly(events);
        return timeline;
    }
}
