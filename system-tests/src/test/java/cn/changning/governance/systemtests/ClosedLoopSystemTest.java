package cn.changning.governance.systemtests;

import cn.changning.governance.contracts.Topics;
import cn.changning.governance.localstack.LocalStack;
import cn.changning.governance.reference.calendar.WorkingCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole closed loop across services, as partners drive it through the gateway: a persistent
 * problem is reported and filed; the dispatch service sends a joint task to the street's
 * city-management squad (lead) and police station (assist); the police return it as the wrong
 * agency and the street reassigns their part; the agencies handle it; the on-site check fails
 * once and sends it back for rework; the second round is handled, verified, closed and assessed.
 * After each step the case's read model and timeline show it.
 */
class ClosedLoopSystemTest {

    static final String STREET = "310105001";
    static final String GRID = "310105001000001";
    static final String SQUAD = STREET + "-squad";
    static final String POLICE = STREET + "-police";
    static final String MARKET = STREET + "-market";
    static final String UNLICENSED_STALLS = "1501";
    static final String WATER_MANHOLE_COVER = "0101";

    static PlatformClient client;

    @BeforeAll
    static void start() {
        LocalStack stack = SharedStack.get();
        client = new PlatformClient(stack);
    }

    @Test
    void aPersistentProblemGoesAroundTheLoopWithAJointTaskAReturnAndOneRework() {
        JsonNode centre = PlatformClient.json(client.get("/api/v1/geography/grids/" + GRID).body()).get("centre");

        // 1 discover
        String caseId = client.reportCase(UNLICENSED_STALLS, centre.get("lat").asDouble(), centre.get("lng").asDouble(),
                "Unlicensed stalls blocking the pavement");
        caseAt(caseId, "REPORTED", 0, "CaseReported");

        // 2 file
        action("/api/v1/cases/" + caseId + "/file", "{}", 0, 200);
        JsonNode filed = caseAt(caseId, "FILED", 1, "CaseFiled");
        assertThat(filed.get("gridCode").asText()).isEqualTo(GRID);
        assertThat(filed.get("persistentProblem").asBoolean()).isTrue();

        // 3 dispatch: the dispatch service issues a joint task on its own, from the case topic
        String order0 = caseId + "-r0";
        JsonNode order = awaitOrder(order0, o -> o.get("order").get("state").asText().equals("AWAITING_ACCEPTANCE"));
        String etag = "\"" + order.get("order").get("version").asLong() + "\"";
        assertThat(order.get("order").get("leadAgencyId").asText()).isEqualTo(SQUAD);
        assertThat(order.get("order").get("jointTask").asBoolean()).isTrue();
        assertThat(order.get("order").get("parts").findValuesAsText("agencyId")).containsExactly(SQUAD, POLICE);
        JsonNode dispatched = caseAt(caseId, "DISPATCHED", 2, "CaseDispatched");
        assertThat(dispatched.get("dispatch").get("leadAgencyId").asText()).isEqualTo(SQUAD);

        // 4 handle: the police return their part as the wrong agency; the street reassigns it
        etag = orderAction(order0, etag, "return", "{\"agencyId\":\"" + POLICE + "\",\"reason\":\"WRONG_AGENCY\",\"note\":\"licensing, not public order\"}");
        etag = orderAction(order0, etag, "reassign", "{\"returnedAgencyId\":\"" + POLICE + "\",\"toAgencyId\":\"" + MARKET
                + "\",\"note\":\"market office licenses stalls\"}");
        etag = orderAction(order0, etag, "accept", "{\"agencyId\":\"" + SQUAD + "\"}");
        etag = orderAction(order0, etag, "accept", "{\"agencyId\":\"" + MARKET + "\"}");
        etag = orderAction(order0, etag, "report", "{\"agencyId\":\"" + SQUAD + "\",\"result\":\"RESOLVED\",\"note\":\"stalls cleared\","
                + "\"photoUrls\":[\"https://img.example/after-1.jpg\"]}");
        etag = orderAction(order0, etag, "confirm", "{\"agencyId\":\"" + MARKET + "\",\"note\":\"no licences; owners warned\"}");
        JsonNode handled = awaitOrder(order0, o -> o.get("order").get("state").asText().equals("HANDLED"));
        assertThat(handled.get("returns").get(0).get("passedTo").asText()).isEqualTo(MARKET);
        caseAt(caseId, "HANDLED", 3, "CaseHandled");

        // 5 verify on site: not fixed, back for rework
        action("/api/v1/cases/" + caseId + "/verify", "{\"fixed\":false,\"note\":\"stalls back at night\"}", 3, 200);
        caseAt(caseId, "VERIFIED", 4, "CaseVerified");
        action("/api/v1/cases/" + caseId + "/send-back", "{\"reason\":\"stalls back at night\"}", 4, 200, 2);
        JsonNode sentBack = caseAt(caseId, "SENT_BACK", 6, "CaseRoundDeadlineSet");
        assertThat(sentBack.get("reworkCount").asInt()).isEqualTo(1);

        // the second round goes to the same lead
        String order1 = caseId + "-r1";
        JsonNode rework = awaitOrder(order1, o -> o.get("order").get("state").asText().equals("AWAITING_ACCEPTANCE"));
        etag = "\"" + rework.get("order").get("version").asLong() + "\"";
        assertThat(rework.get("order").get("leadAgencyId").asText()).isEqualTo(SQUAD);
        caseAt(caseId, "DISPATCHED", 7, "CaseDispatched");
        List<String> assistants = new ArrayList<>(rework.get("order").get("parts").findValuesAsText("agencyId"));
        assistants.remove(SQUAD);
        etag = orderAction(order1, etag, "accept", "{\"agencyId\":\"" + SQUAD + "\"}");
        etag = orderAction(order1, etag, "report", "{\"agencyId\":\"" + SQUAD + "\",\"result\":\"RESOLVED\",\"note\":\"night patrols added\"}");
        for (String assistant : assistants) {
            etag = orderAction(order1, etag, "accept", "{\"agencyId\":\"" + assistant + "\"}");
            etag = orderAction(order1, etag, "confirm", "{\"agencyId\":\"" + assistant + "\"}");
        }
        caseAt(caseId, "HANDLED", 8, "CaseHandled");

        // 5 verify and close
        action("/api/v1/cases/" + caseId + "/verify", "{\"fixed\":true}", 8, 200);
        caseAt(caseId, "VERIFIED", 9, "CaseVerified");
        action("/api/v1/cases/" + caseId + "/close", "{\"resolution\":\"FIXED\"}", 9, 200);
        JsonNode closed = caseAt(caseId, "CLOSED", 10, "CaseClosed");
        assertThat(closed.get("resolution").asText()).isEqualTo("FIXED");

        // 6 assess
        action("/api/v1/cases/" + caseId + "/feedback", "{\"satisfaction\":\"SATISFIED\",\"comment\":\"pavement clear\"}", 10, 200);
        JsonNode assessed = caseAt(caseId, "ASSESSED", 11, "CaseFeedbackRecorded");
        assertThat(assessed.get("feedback").get("satisfaction").asText()).isEqualTo("SATISFIED");
        assertThat(timelineEvents(caseId)).containsExactly("CaseReported", "CaseFiled", "CaseDispatched", "CaseHandled",
                "CaseVerified", "CaseSentBackForRework", "CaseRoundDeadlineSet", "CaseDispatched", "CaseHandled", "CaseVerified", "CaseClosed",
                "CaseFeedbackRecorded");

        // the agencies' statistics show who handled and who returned
        JsonNode police = get("/api/v1/agencies/" + POLICE + "/stats");
        assertThat(police.get("returned").asLong()).isGreaterThanOrEqualTo(1);
        // both services published what happened
        assertThat(PlatformClient.countByKey(client.readTopic(Topics.CASE_EVENTS)).get(caseId)).isGreaterThanOrEqualTo(11L);
    }

    @Test
    void anActionWithoutIfMatchOrWithAStaleOneIsRefusedAsAPreconditionAndChangesNothing() {
        JsonNode centre = PlatformClient.json(client.get("/api/v1/geography/grids/" + GRID).body()).get("centre");
        String caseId = client.reportCase("0101", centre.get("lat").asDouble(), centre.get("lng").asDouble(), "Manhole cover missing");
        caseAt(caseId, "REPORTED", 0, "CaseReported");
        HttpResponse<String> without = client.action("/api/v1/cases/" + caseId + "/file", "{}", null);
        assertThat(without.statusCode()).isEqualTo(428);
        assertThat(without.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(PlatformClient.json(without.body()).get("errors").findValuesAsText("field")).containsExactly("If-Match");
        HttpResponse<String> stale = send("/api/v1/cases/" + caseId + "/file", "{}", "\"7\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(PlatformClient.json(stale.body()).get("currentVersion").asLong()).isZero();
        HttpResponse<String> impossible = send("/api/v1/cases/" + caseId + "/close", "{\"resolution\":\"FIXED\"}", "\"0\"");
        assertThat(impossible.statusCode()).isEqualTo(409);
        assertThat(PlatformClient.json(impossible.body()).has("code")).isTrue();
        assertThat(PlatformClient.json(client.get("/api/v1/cases/" + caseId).body()).get("version").asLong()).isZero();
        HttpResponse<String> any = send("/api/v1/cases/" + caseId + "/file", "{}", "*");
        assertThat(any.statusCode()).as(any.body()).isEqualTo(200);
        assertThat(any.headers().firstValue("ETag")).contains("\"1\"");
    }

    /**
     * Reopening within the window: the dispatch service issues the next round on its own (before, no round-1
     * order came and the case stayed REOPENED), with the deadline the case holds too, and the loop closes again.
     */
    @Test
    void aCaseReopenedWithinTheWindowIsDispatchedAgainWithTheSameDeadlineAndClosesAgain() {
        JsonNode centre = PlatformClient.json(client.get("/api/v1/geography/grids/" + GRID).body()).get("centre");
        String caseId = client.reportCase("0302", centre.get("lat").asDouble(), centre.get("lng").asDouble(), "Litter bin broken");
        caseAt(caseId, "REPORTED", 0, "CaseReported");
        action("/api/v1/cases/" + caseId + "/file", "{}", 0, 200);
        handleRound(caseId, caseId + "-r0");
        caseAt(caseId, "HANDLED", 3, "CaseHandled");
        action("/api/v1/cases/" + caseId + "/verify", "{\"fixed\":true}", 3, 200);
        action("/api/v1/cases/" + caseId + "/close", "{\"resolution\":\"FIXED\"}", 4, 200);
        caseAt(caseId, "CLOSED", 5, "CaseClosed");

        action("/api/v1/cases/" + caseId + "/reopen", "{\"reason\":\"broken again\"}", 5, 200, 2);
        JsonNode reopened = caseAt(caseId, "REOPENED", 7, "CaseRoundDeadlineSet");
        JsonNode round1 = awaitOrder(caseId + "-r1", o -> o.get("order").get("state").asText().equals("AWAITING_ACCEPTANCE"));
        assertThat(round1.get("order").get("round").asInt()).isEqualTo(1);
        assertThat(Instant.parse(round1.get("order").get("deadline").asText()))
                .as("the order's deadline is the case's, by the one rule").isEqualTo(Instant.parse(reopened.get("deadline").asText()));
        awaitOrder(caseId + "-r0", o -> o.get("order").get("state").asText().equals("REWORKED"));
        caseAt(caseId, "DISPATCHED", 8, "CaseDispatched");

        handleRound(caseId, caseId + "-r1");
        caseAt(caseId, "HANDLED", 9, "CaseHandled");
        action("/api/v1/cases/" + caseId + "/verify", "{\"fixed\":true}", 9, 200);
        action("/api/v1/cases/" + caseId + "/close", "{\"resolution\":\"FIXED\"}", 10, 200);
        JsonNode closedAgain = caseAt(caseId, "CLOSED", 11, "CaseClosed");
        assertThat(closedAgain.get("reworkCount").asInt()).isEqualTo(1);

        // the operators' state check: no case of the stack has its dispatch side missing or disagreeing
        JsonNode check = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/api/v1/dispatch/consistency?settledFor=PT1S&size=100"), c -> c.get("total").asLong() == 0);
        assertThat(check.get("items")).isEmpty();
    }

    /**
     * A case on hold while its order runs, on the stack's clock held at chosen instants of a working day (09–12,
     * 13–18). Item 0101 has 4 working hours. Filed at 09:00, due 14:00. On hold from 10:00 to 14:30: an order filed
     * with it and left running goes overdue and is escalated at 14:00; the held one neither warns, nor goes overdue,
     * nor is escalated. Resumed at 14:30 with the 3 working hours it had left (10–12, 13–14): due 17:30, the case too.
     * A third order due 17:20 shows the scheduler has passed 17:25 while the resumed one is still not overdue; at
     * 17:35 it is, as of 17:30.
     */
    @Test
    void aCaseOnHoldStopsItsOrdersClockAndTheOrderGoesOverdueAtTheMomentTheHoldShifted() {
        MovableClock clock = SharedStack.CLOCK;
        WorkingCalendar calendar = WorkingCalendar.load();
        ZoneId zone = calendar.zone();
        // A working day at least a day ahead of every clock the stack has run on.
        LocalDate day = clock.instant().atZone(zone).toLocalDate().plusDays(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        LocalDate workingDay = day;
        BiFunction<Integer, Integer, Instant> at =
                (hour, minute) -> workingDay.atTime(LocalTime.of(hour, minute)).atZone(zone).toInstant();
        JsonNode centre = PlatformClient.json(client.get("/api/v1/geography/grids/" + GRID).body()).get("centre");
        double lat = centre.get("lat").asDouble();
        double lng = centre.get("lng").asDouble();
        double escalatedBefore = dispatchMetric("dispatch_orders_escalated_total", "street=\"" + STREET + "\"");
        try {
            clock.holdAt(at.apply(9, 0));
            String held = client.reportCase(WATER_MANHOLE_COVER, lat, lng, "Manhole cover rocking, held case");
            String running = client.reportCase(WATER_MANHOLE_COVER, lat, lng, "Manhole cover rocking, running case");
            for (String caseId : List.of(held, running)) {
                action("/api/v1/cases/" + caseId + "/file", "{}", 0, 200);
                JsonNode order = awaitOrder(caseId + "-r0", o -> o.get("order").get("state").asText().equals("AWAITING_ACCEPTANCE"));
                assertThat(Instant.parse(order.get("order").get("deadline").asText())).isEqualTo(at.apply(14, 0));
                caseAt(caseId, "DISPATCHED", 2, "CaseDispatched");
            }

            clock.holdAt(at.apply(10, 0));
            action("/api/v1/cases/" + held + "/suspend",
                    "{\"reason\":\"awaiting the utility's parts\",\"approvedBy\":\"director-2\"}", 2, 200);
            awaitOrder(held + "-r0", o -> o.get("order").get("paused").asBoolean());

            clock.holdAt(at.apply(13, 20));
            String late = client.reportCase(WATER_MANHOLE_COVER, lat, lng, "Manhole cover rocking, filed later");
            action("/api/v1/cases/" + late + "/file", "{}", 0, 200);
            JsonNode lateOrder = awaitOrder(late + "-r0", o -> o.get("order").get("state").asText().equals("AWAITING_ACCEPTANCE"));
            // 13:20 to 18:00 is 4 h 40 min of working time: due 17:20 the same day
            assertThat(Instant.parse(lateOrder.get("order").get("deadline").asText())).isEqualTo(at.apply(17, 20));

            clock.holdAt(at.apply(14, 30));
            JsonNode runningOrder = awaitOrder(running + "-r0", o -> historyEvents(o).contains("DispatchOrderEscalated"));
            assertThat(runningOrder.get("order").get("overdue").asBoolean()).isTrue();
            assertThat(historyAt(runningOrder, "DispatchOrderOverdue")).isEqualTo(at.apply(14, 0));
            // what an operator sees: the open-order gauges of the lead agency in the street (refreshed every 15 s from
            // the read model) count it overdue and escalated, and the escalation is counted in the street
            String lead = "agency=\"" + runningOrder.get("order").get("leadAgencyId").asText() + "\"";
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(dispatchMetric("dispatch_orders_open_overdue", lead, "street=\"" + STREET + "\"")).isGreaterThanOrEqualTo(1);
                assertThat(dispatchMetric("dispatch_orders_open_escalated", lead, "street=\"" + STREET + "\"")).isGreaterThanOrEqualTo(1);
            });
            assertThat(dispatchMetric("dispatch_orders_escalated_total", "street=\"" + STREET + "\"")).isGreaterThan(escalatedBefore);
            JsonNode heldOrder = awaitOrder(held + "-r0", o -> true);
            assertThat(historyEvents(heldOrder)).as("nothing falls due while the case is on hold")
                    .doesNotContain("DispatchOrderDueSoon", "DispatchOrderOverdue", "DispatchOrderEscalated");
            assertThat(heldOrder.get("order").get("overdue").asBoolean()).isFalse();

            action("/api/v1/cases/" + held + "/resume", "{}", 3, 200);
            heldOrder = awaitOrder(held + "-r0", o -> !o.get("order").get("paused").asBoolean());
            assertThat(Instant.parse(heldOrder.get("order").get("deadline").asText())).isEqualTo(at.apply(17, 30));
            JsonNode heldCase = caseAt(held, "DISPATCHED", 4, "CaseResumed");
            assertThat(Instant.parse(heldCase.get("deadline").asText())).as("the case's deadline, by the same rule")
                    .isEqualTo(at.apply(17, 30));

            clock.holdAt(at.apply(17, 25));
            awaitOrder(late + "-r0", o -> historyEvents(o).contains("DispatchOrderOverdue"));
            heldOrder = awaitOrder(held + "-r0", o -> true);
            assertThat(historyEvents(heldOrder)).as("at 17:25 the resumed order is not overdue yet")
                    .doesNotContain("DispatchOrderOverdue");

            clock.holdAt(at.apply(17, 35));
            heldOrder = awaitOrder(held + "-r0", o -> historyEvents(o).contains("DispatchOrderEscalated"));
            assertThat(heldOrder.get("order").get("overdue").asBoolean()).isTrue();
            assertThat(historyAt(heldOrder, "DispatchOrderOverdue")).as("overdue as of the shifted deadline")
                    .isEqualTo(at.apply(17, 30));
        } finally {
            clock.letGo();
        }
    }

    private static List<String> historyEvents(JsonNode order) {
        return order.get("history").findValuesAsText("event");
    }

    private static Instant historyAt(JsonNode order, String event) {
        for (JsonNode entry : order.get("history")) {
            if (entry.get("event").asText().equals(event)) {
                return Instant.parse(entry.get("at").asText());
            }
        }
        throw new AssertionError(event + " is not in the order's history: " + order.get("history"));
    }

    /** Every agency on the round's order accepts; the lead reports, the assistants confirm. */
    private static void handleRound(String caseId, String orderId) {
        JsonNode order = awaitOrder(orderId, o -> o.get("order").get("state").asText().equals("AWAITING_ACCEPTANCE"));
        String etag = "\"" + order.get("order").get("version").asLong() + "\"";
        String lead = order.get("order").get("leadAgencyId").asText();
        List<String> assistants = new ArrayList<>(order.get("order").get("parts").findValuesAsText("agencyId"));
        assistants.remove(lead);
        etag = orderAction(orderId, etag, "accept", "{\"agencyId\":\"" + lead + "\"}");
        etag = orderAction(orderId, etag, "report", "{\"agencyId\":\"" + lead + "\",\"result\":\"RESOLVED\",\"note\":\"replaced\"}");
        for (String assistant : assistants) {
            etag = orderAction(orderId, etag, "accept", "{\"agencyId\":\"" + assistant + "\"}");
            etag = orderAction(orderId, etag, "confirm", "{\"agencyId\":\"" + assistant + "\"}");
        }
        awaitOrder(orderId, o -> o.get("order").get("state").asText().equals("HANDLED"));
    }

    private static JsonNode caseAt(String caseId, String step, long version, String lastEvent) {
        JsonNode view = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(
                () -> PlatformClient.json(client.get("/api/v1/cases/" + caseId).body()),
                v -> v.path("version").asLong(-1) >= version);
        List<String> events = timelineEvents(caseId);
        assertThat(events).hasSizeGreaterThan((int) version);
        assertThat(events.get((int) version)).as("event at version %d", version).isEqualTo(lastEvent);
        // A step the platform follows up on its own (sent back → dispatched again) may be passed before it is read.
        if (view.get("version").asLong() == version) {
            assertThat(view.get("step").asText()).as("step at version %d", version).isEqualTo(step);
        }
        return view;
    }

    private static List<String> timelineEvents(String caseId) {
        return get("/api/v1/cases/" + caseId + "/timeline").get("entries").findValuesAsText("event");
    }

    /** The sum of a metric's series on the dispatch service's scrape whose labels include all of the given ones (0: none). */
    private static double dispatchMetric(String name, String... labels) {
        URI uri = URI.create("http://127.0.0.1:" + SharedStack.get().servicePort("dispatch-service") + "/actuator/prometheus");
        try {
            String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            return scrape.lines().filter(l -> l.startsWith(name + "{"))
                    .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An order once issued in full (routed, then issued: version 2 and up) and in the state the step needs. */
    private static JsonNode awaitOrder(String orderId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> r = client.get("/api/v1/dispatch-orders/" + orderId);
            return r.statusCode() == 200 ? PlatformClient.json(r.body()) : null;
        }, o -> o != null && o.get("order").get("version").asLong() >= 2 && condition.test(o));
    }

    /** An action on a case with If-Match: the answer carries the next version as ETag. */
    private static void action(String path, String body, long ifMatch, int expectedStatus) {
        action(path, body, ifMatch, expectedStatus, 1);
    }

    /** As above, for an action that records {@code events} events (a new round: sent back or reopened, and its deadline). */
    private static void action(String path, String body, long ifMatch, int expectedStatus, int events) {
        HttpResponse<String> response = send(path, body, "\"" + ifMatch + "\"");
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("ETag")).contains("\"" + (ifMatch + events) + "\"");
    }

    /**
     * An action on an order with If-Match: the version the partner last saw (the order's read
     * model at first, then each action's ETag, since the read model may lag a moment behind).
     */
    private static String orderAction(String orderId, String etag, String action, String body) {
        HttpResponse<String> response = send("/api/v1/dispatch-orders/" + orderId + "/" + action, body, etag);
        assertThat(response.statusCode()).as(action + ": " + response.body()).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static HttpResponse<String> send(String path, String body, String ifMatch) {
        return client.action(path, body, ifMatch);
    }

    private static JsonNode get(String path) {
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return PlatformClient.json(response.body());
    }
}
