package cn.changning.governance.dispatch;

import cn.changning.governance.common.testing.TestCallers;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseSentBackForRework;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.dispatch.domain.DispatchOrderIds;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispatch service alone on the real embedded stores: a case filed on the case topic becomes a joint task,
 * is returned by a wrong agency, reassigned by the street, handled by the lead and confirmed by the assistant,
 * and DispatchOrderHandled reaches the dispatch topic for the case service. Every call carries its caller's token;
 * who acted comes from it, so the bodies name no actor.
 */
class DispatchServiceIntegrationTest extends DispatchHttpTest {

    static final String SQUAD = "310105001-squad";
    static final String POLICE = "310105001-police";
    static final String MARKET = "310105001-market";
    static final TestCallers HUAYANG = centre("310105001");

    @Test
    void aPersistentProblemGoesOutAsAJointTaskIsReturnedReassignedAndHandled() throws Exception {
        String caseId = UUID.randomUUID().toString();
        String orderId = DispatchOrderIds.of(caseId, 0);
        Instant filedAt = Instant.now();
        CaseTopic.produce(CaseTopic.persistentStallsCase(caseId, filedAt, filedAt.plus(Duration.ofDays(10))), caseId, 1, "filed-" + caseId);

        // Issued by the policy: the squad leads, the police station assists.
        // Issuing stores three events (issued, routed, timer started): version 2 once all are projected.
        JsonNode order = awaitOrder(orderId, o -> o.get("order").get("version").asLong() >= 2);
        assertThat(order.get("order").get("state").asText()).isEqualTo("AWAITING_ACCEPTANCE");
        assertThat(order.get("order").get("leadAgencyId").asText()).isEqualTo(SQUAD);
        assertThat(order.get("order").get("jointTask").asBoolean()).isTrue();
        assertThat(order.get("order").get("parts").findValuesAsText("agencyId")).containsExactly(SQUAD, POLICE);

        // A redelivered CaseFiled issues nothing twice.
        CaseTopic.produce(CaseTopic.persistentStallsCase(caseId, filedAt, filedAt.plus(Duration.ofDays(10))), caseId, 1, "filed-" + caseId);

        // The police station says stalls are not its business; the street gives the assistance to the market office.
        String returnBody = "{\"reason\":\"WRONG_AGENCY\",\"note\":\"licensing matter\"}";
        ResponseEntity<JsonNode> withoutIfMatch = post(orderId, "return", returnBody, null, agency(POLICE));
        assertThat(withoutIfMatch.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(withoutIfMatch.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(withoutIfMatch.getBody().get("type").asText()).endsWith("/precondition-required");
        assertThat(withoutIfMatch.getBody().get("errors").findValuesAsText("field")).containsExactly("If-Match");
        long v = version(post(orderId, "return", returnBody, etag(order.get("order").get("version").asLong()), agency(POLICE)));
        String reassign = "{\"returnedAgencyId\":\"" + POLICE + "\",\"toAgencyId\":\"" + MARKET + "\"}";
        ResponseEntity<JsonNode> stale = post(orderId, "reassign", reassign, etag(v - 1), HUAYANG);
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(stale.getBody().get("type").asText()).endsWith("/precondition-failed");
        assertThat(stale.getBody().get("currentVersion").asLong()).isEqualTo(v);
        ResponseEntity<JsonNode> reassigned = post(orderId, "reassign", reassign, etag(v), HUAYANG);
        assertThat(reassigned.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reassigned.getHeaders().getETag()).isEqualTo("\"" + (v + 1) + "\"");
        // The market office sees the order once the read model has its part (what an agency may see is read from it).
        awaitOrder(orderId, o -> o.get("order").get("parts").findValuesAsText("agencyId").contains(MARKET));

        ResponseEntity<JsonNode> accepted = post(orderId, "accept", "{}", "*", agency(SQUAD));
        assertThat(accepted.getStatusCode()).as("* is any current version").isEqualTo(HttpStatus.OK);
        v = version(accepted);
        assertThat(v).isEqualTo(reassigned.getBody().get("version").asLong() + 1);
        // A body may still name the caller itself.
        v = version(post(orderId, "accept", "{\"agencyId\":\"" + MARKET + "\"}", etag(v), agency(MARKET)));
        // The assistant cannot confirm before the lead reports.
        ResponseEntity<JsonNode> early = post(orderId, "confirm", "{}", etag(v), agency(MARKET));
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody().get("code").asText()).isEqualTo("lead-not-reported");

        v = version(post(orderId, "report", "{\"result\":\"RESOLVED\",\"note\":\"stalls cleared\","
                + "\"photoUrls\":[\"https://img.example/after.jpg\"]}", etag(v), agency(SQUAD)));
        version(post(orderId, "confirm", "{\"note\":\"licences checked\"}", etag(v), agency(MARKET)));

        // DispatchOrderHandled on the dispatch topic, keyed by the order, for the case service.
        List<ConsumerRecord<String, byte[]>> records = CaseTopic.dispatchRecords(orderId,
                found -> found.stream().anyMatch(r -> CaseTopic.type(r).endsWith("DispatchOrderHandled.v1")));
        ConsumerRecord<String, byte[]> handled = records.stream()
                .filter(r -> CaseTopic.type(r).equals("cn.changning.governance.dispatch.DispatchOrderHandled.v1")).findFirst().orElseThrow();
        DispatchOrderHandled event = objectMapper.readValue(handled.value(), DispatchOrderHandled.class);
        assertThat(event.caseId()).isEqualTo(caseId);
        assertThat(event.leadAgencyId()).isEqualTo(SQUAD);
        assertThat(event.onTime()).isTrue();
        assertThat(event.photoUrls()).containsExactly("https://img.example/after.jpg");
        assertThat(records.stream().filter(r -> CaseTopic.type(r).endsWith("DispatchOrderIssued.v1"))).hasSize(1);

        // The read model tells the whole story.
        JsonNode done = awaitOrder(orderId, o -> o.get("order").get("state").asText().equals("HANDLED"));
        assertThat(done.get("returns").get(0).get("outcome").asText()).isEqualTo("REASSIGNED");
        assertThat(done.get("returns").get(0).get("passedTo").asText()).isEqualTo(MARKET);
        assertThat(done.get("history").findValuesAsText("summary")).anySatisfy(line -> assertThat(line)
                .as("the arbitration is recorded as the token's street centre's").startsWith("street (street-310105001) reassigned"));
        assertThat(done.get("history").findValuesAsText("event")).containsSubsequence(
                "DispatchOrderIssued", "DispatchOrderReturned", "DispatchOrderReassigned", "DispatchOrderHandlingReported",
                "DispatchOrderAssistanceConfirmed", "DispatchOrderHandled");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%DispatchOrderIssued'",
                Long.class, orderId)).isEqualTo(1L);

        JsonNode police = read("/api/v1/agencies/" + POLICE + "/stats", agency(POLICE));
        assertThat(police.get("dispatched").asLong()).isEqualTo(1);
        assertThat(police.get("returned").asLong()).isEqualTo(1);
        assertThat(police.get("handledOnTime").asLong()).isZero();
        JsonNode squad = read("/api/v1/agencies/" + SQUAD + "/stats", HUAYANG);
        assertThat(squad.get("accepted").asLong()).isEqualTo(1);
        assertThat(squad.get("handledOnTime").asLong()).isEqualTo(1);

        JsonNode list = read("/api/v1/dispatch-orders?agencyId=" + MARKET + "&state=HANDLED", HUAYANG);
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("orderId").asText()).isEqualTo(orderId);
    }

    @Test
    void anOrderReturnedTwiceShowsAsBuckPassingAndSitsInTheQueues() {
        // Xinhua Road street, so that other tests' orders do not mix into its queues and figures.
        String xinhuaPolice = "310105004-police";
        String xinhuaMarket = "310105004-market";
        String caseId = UUID.randomUUID().toString();
        String orderId = DispatchOrderIds.of(caseId, 0);
        Instant filedAt = Instant.now();
        CaseTopic.produce(CaseTopic.persistentStallsCase(caseId, "310105004", filedAt, filedAt.plus(Duration.ofDays(10))), caseId, 1, "filed-" + caseId);
        long v = awaitOrder(orderId, o -> o.get("order").get("version").asLong() >= 2).get("order").get("version").asLong();

        TestCallers xinhua = centre("310105004");
        JsonNode queue = read("/api/v1/agencies/" + xinhuaPolice + "/queue", agency(xinhuaPolice));
        assertThat(queue.get("items").findValuesAsText("orderId")).contains(orderId);
        assertThat(queue.get("items").findValuesAsText("bucket")).contains("AWAITING_ACCEPTANCE");
        assertThat(queue.get("total").asLong()).isEqualTo(queue.get("items").size());

        v = version(post(orderId, "return", "{\"reason\":\"WRONG_AGENCY\"}", etag(v), agency(xinhuaPolice)));
        // While the street arbitrates, the police's part sits in its arbitration bucket, and in no other.
        JsonNode arbitration = await().atMost(Duration.ofSeconds(15)).until(() -> read(
                "/api/v1/agencies/" + xinhuaPolice + "/queue?bucket=AWAITING_ARBITRATION", xinhua),
                body -> body.get("items").findValuesAsText("orderId").contains(orderId));
        assertThat(arbitration.get("items").findValuesAsText("bucket")).containsOnly("AWAITING_ARBITRATION");
        assertThat(read("/api/v1/agencies/" + xinhuaPolice + "/queue?bucket=AWAITING_ACCEPTANCE", agency(xinhuaPolice))
                .get("items").findValuesAsText("orderId")).doesNotContain(orderId);
        awaitBoardAgreesWithTheList("310105004");

        v = version(post(orderId, "reassign", "{\"returnedAgencyId\":\"" + xinhuaPolice + "\",\"toAgencyId\":\"" + xinhuaMarket + "\"}", etag(v), xinhua));
        awaitOrder(orderId, o -> o.get("order").get("parts").findValuesAsText("agencyId").contains(xinhuaMarket));
        v = version(post(orderId, "return", "{\"reason\":\"OUTSIDE_REMIT\"}", etag(v), agency(xinhuaMarket)));
        version(post(orderId, "reassign", "{\"returnedAgencyId\":\"" + xinhuaMarket + "\",\"toAgencyId\":\"" + xinhuaPolice
                + "\",\"arbitratedBy\":\"street-310105004\"}", etag(v), xinhua));

        JsonNode pairs = await().atMost(Duration.ofSeconds(15)).until(
                () -> read("/api/v1/dispatch-orders/buck-passing?streetCode=310105004", xinhua),
                body -> body.get("items").size() > 0 && body.get("items").get(0).get("returns").asLong() == 2
                        && body.toString().contains(orderId));
        JsonNode pair = pairs.get("items").get(0);
        assertThat(List.of(pair.get("agencyA").asText(), pair.get("agencyB").asText())).containsExactlyInAnyOrder(xinhuaMarket, xinhuaPolice);
        assertThat(pair.get("returns").asLong()).isEqualTo(2);
        assertThat(pairs.get("page").asInt()).isZero();
        assertThat(pairs.get("size").asInt()).isEqualTo(20);

        JsonNode board = awaitBoardAgreesWithTheList("310105004");
        assertThat(board.get("byState").get("AWAITING_ACCEPTANCE").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(board.get("lists").get("awaitingArbitration").asText())
                .isEqualTo("/api/v1/dispatch-orders?streetCode=310105004&state=AWAITING_ARBITRATION");
    }

    /**
     * The board's pre-aggregated counts agree with the order list's totals, state by state (awaited: both follow the
     * topic), both as the street's centre reads them.
     */
    private JsonNode awaitBoardAgreesWithTheList(String street) {
        TestCallers centre = centre(street);
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> read("/api/v1/dispatch/streets/" + street + "/board", centre),
                board -> {
                    for (String state : List.of("AWAITING_ACCEPTANCE", "IN_PROGRESS", "AWAITING_ARBITRATION",
                            "AWAITING_CONFIRMATION", "HANDLED", "REWORKED")) {
                        long listed = read("/api/v1/dispatch-orders?streetCode=" + street + "&state=" + state, centre)
                                .get("total").asLong();
                        if (board.get("byState").get(state).asLong() != listed) {
                            return false;
                        }
                    }
                    return board.get("awaitingArbitration").asLong() == board.get("byState").get("AWAITING_ARBITRATION").asLong()
                            && board.get("overdue").asLong() == read("/api/v1/dispatch-orders?streetCode=" + street
                            + "&overdue=true", centre).get("total").asLong();
                });
    }

    @Test
    void aCaseSentBackForReworkGoesToTheSameLeadInANewRoundOnce() {
        String caseId = UUID.randomUUID().toString();
        String team = "310105006-street-team";
        Instant filedAt = Instant.now();
        // Exposed rubbish, handling type A: the street's own team handles it alone.
        CaseTopic.produce(new CaseFiled(caseId, "1101", "EVENT", "A", false, "310105006000001", "310105006",
                filedAt.plus(Duration.ofDays(2)), "operator-3", filedAt), caseId, 1, "filed-" + caseId);
        String first = DispatchOrderIds.of(caseId, 0);
        JsonNode issued = awaitOrder(first, o -> o.get("order").get("version").asLong() >= 2);
        assertThat(issued.get("order").get("leadAgencyId").asText()).isEqualTo(team);
        assertThat(issued.get("order").get("jointTask").asBoolean()).isFalse();
        // The street team has no client: its street's centre acts for it, naming it or not.
        TestCallers tianshan = TestCallers.street("310105006");
        long v = version(post(first, "accept", "{\"agencyId\":\"" + team + "\"}", etag(issued.get("order").get("version").asLong()), tianshan));
        version(post(first, "report", "{\"result\":\"RESOLVED\"}", etag(v), tianshan));

        CaseSentBackForRework sentBack = new CaseSentBackForRework(caseId, 1, "rubbish still there", "supervisor-12", Instant.now());
        CaseTopic.produce(sentBack, caseId, 5, "rework-" + caseId);
        CaseTopic.produce(sentBack, caseId, 5, "rework-" + caseId); // redelivered

        String second = DispatchOrderIds.of(caseId, 1);
        JsonNode rework = awaitOrder(second, o -> o.get("order").get("version").asLong() >= 2);
        assertThat(rework.get("order").get("round").asInt()).isEqualTo(1);
        assertThat(rework.get("order").get("leadAgencyId").asText()).isEqualTo(team);
        assertThat(awaitOrder(first, o -> o.get("order").get("state").asText().equals("REWORKED"))).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%DispatchOrderIssued'",
                Long.class, second)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%DispatchOrderSentBackForRework'",
                Long.class, first)).isEqualTo(1L);
        JsonNode stats = await().atMost(Duration.ofSeconds(10)).until(
                () -> read("/api/v1/agencies/" + team + "/stats", centre("310105006")),
                body -> body.get("reworked").asLong() == 1);
        assertThat(stats.get("dispatched").asLong()).isEqualTo(2);
        assertThat(stats.get("handledOnTime").asLong()).isEqualTo(1);
    }

    @Test
    void businessMetricsAreExposedToPrometheus() {
        String caseId = UUID.randomUUID().toString();
        String orderId = DispatchOrderIds.of(caseId, 0);
        Instant filedAt = Instant.now();
        CaseTopic.produce(CaseTopic.persistentStallsCase(caseId, "310105002", filedAt, filedAt.plus(Duration.ofDays(10))), caseId, 1, "filed-" + caseId);
        awaitOrder(orderId, o -> o.get("order").get("version").asLong() >= 2);
        version(post(orderId, "return", "{\"reason\":\"OUTSIDE_REMIT\"}", "*", agency("310105002-police")));
        version(post(orderId, "accept", "{}", "*", agency("310105002-squad")));
        String scrape = await().atMost(Duration.ofSeconds(15)).until(
                () -> http.getForEntity("/actuator/prometheus", String.class).getBody(),
                body -> body.contains("dispatch_orders_returned_total{") && body.contains("dispatch_order_time_to_accept_seconds_count{")
                        && body.contains("state=\"AWAITING_ARBITRATION\""));
        // the open-order gauges are refreshed every 15 s from the read model; their rows carry the lead agency and street
        String refreshed = await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForEntity("/actuator/prometheus", String.class).getBody(),
                body -> body.contains("dispatch_orders_open{agency=\"310105002-squad\""));
        assertThat(refreshed).containsPattern("dispatch_orders_open\\{agency=\"310105002-squad\".*street=\"310105002\"");
        assertThat(refreshed).contains("dispatch_orders_open_overdue{").contains("dispatch_orders_open_escalated{");
        assertThat(scrape).containsPattern("dispatch_orders\\{agency_type=\"CITY_MANAGEMENT_SQUAD\".*state=\"AWAITING_ARBITRATION\"");
        assertThat(scrape).contains("reason=\"OUTSIDE_REMIT\"");
    }

    @Test
    void badInputIsAProblemNamingTheFieldNeverA500() {
        String orderId = "no-such-order-r0";
        TestCallers police = agency(POLICE);
        TestCallers squad = agency(SQUAD);
        ResponseEntity<JsonNode> missingReason = post(orderId, "return", "{}", null, police);
        assertThat(missingReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missingReason.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(missingReason.getBody().get("errors").get(0).get("field").asText()).isEqualTo("reason");

        ResponseEntity<JsonNode> badReason = post(orderId, "return", "{\"reason\":\"BORED\"}", null, police);
        assertThat(badReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badReason.getBody().get("errors").get(0).get("field").asText()).isEqualTo("reason");

        ResponseEntity<JsonNode> badPhoto = post(orderId, "report", "{\"result\":\"RESOLVED\",\"photoUrls\":[\"ftp://x\"]}", null, squad);
        assertThat(badPhoto.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPhoto.getBody().get("errors").get(0).get("field").asText()).startsWith("photoUrls");

        ResponseEntity<JsonNode> unknownOrder = post(orderId, "accept", "{}", "*", squad);
        assertThat(unknownOrder.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(orderId, "extension-request/approve-at-district", "{}", "*", DISTRICT)
                .getStatusCode()).as("the district centre's action reaches the order itself: none").isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> badIfMatch = post(orderId, "accept", "{}", "yesterday", squad);
        assertThat(badIfMatch.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        ResponseEntity<JsonNode> badState = get("/api/v1/dispatch-orders?state=SLEEPING", DISTRICT);
        assertThat(badState.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badState.getBody().get("errors").get(0).get("field").asText()).isEqualTo("state");

        ResponseEntity<JsonNode> hugePage = get("/api/v1/dispatch-orders?size=5000", DISTRICT);
        assertThat(hugePage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(hugePage.getBody().get("errors").get(0).get("field").asText()).isEqualTo("size");
        for (String list : List.of("/api/v1/dispatch-orders?size=101", "/api/v1/dispatch-orders/buck-passing?size=0",
                "/api/v1/agencies/" + SQUAD + "/queue?size=x")) {
            ResponseEntity<JsonNode> bad = get(list, squad);
            assertThat(bad.getStatusCode()).as(list).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(bad.getBody().get("errors").get(0).get("field").asText()).as(list).isEqualTo("size");
        }
        ResponseEntity<JsonNode> badPageOfQueue = get("/api/v1/agencies/" + SQUAD + "/queue?page=-1", squad);
        assertThat(badPageOfQueue.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPageOfQueue.getBody().get("errors").get(0).get("field").asText()).isEqualTo("page");
        ResponseEntity<JsonNode> badBucket = get("/api/v1/agencies/" + SQUAD + "/queue?bucket=SOMEDAY", squad);
        assertThat(badBucket.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badBucket.getBody().get("errors").get(0).get("field").asText()).isEqualTo("bucket");

        ResponseEntity<JsonNode> unknownStreet = get("/api/v1/agencies?streetCode=999", squad);
        assertThat(unknownStreet.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknownStreet.getBody().get("errors").get(0).get("field").asText()).isEqualTo("streetCode");

        assertThat(get("/api/v1/agencies/nobody/queue", DISTRICT).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/dispatch-orders/" + orderId, DISTRICT).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void referenceDataIsServed() {
        // Reference data: any caller with reference:read, here another street's agency.
        TestCallers caller = agency("310105009-police");
        JsonNode agencies = read("/api/v1/agencies?streetCode=310105001", caller);
        assertThat(agencies.get("agencies")).hasSize(7);
        JsonNode squad = read("/api/v1/agencies/" + SQUAD, caller);
        assertThat(squad.get("parentDepartment").asText()).isEqualTo("DISTRICT_CITY_MANAGEMENT_BUREAU");
        JsonNode list = read("/api/v1/responsibility-list?itemCode=1501&streetCode=310105009", caller);
        assertThat(list.get("entries").get(0).get("assistingTypes").findValuesAsText("assistingTypes")).isEmpty();
        assertThat(list.get("entries").get(0).get("assistingTypes").toString()).contains("MARKET_SUPERVISION_OFFICE");
        assertThat(read("/api/v1/responsibility-list", caller).get("entries")).hasSize(181);
        JsonNode docs = http.getForEntity("/v3/api-docs", JsonNode.class).getBody();
        JsonNode reassign = docs.get("paths").get("/api/v1/dispatch-orders/{orderId}/reassign");
        assertThat(reassign).isNotNull();
        assertThat(reassign.get("post").get("parameters").toString())
                .contains("\"name\":\"If-Match\"", "\"in\":\"header\"", "\"required\":true").doesNotContain("ifMatch", "\"expected\"");
        assertThat(reassign.get("post").get("responses").has("428")).isTrue();
        assertThat(reassign.get("post").get("responses").has("412")).isTrue();
        JsonNode queue = docs.get("paths").get("/api/v1/agencies/{agencyId}/queue").get("get");
        assertThat(queue.get("parameters").findValuesAsText("name")).contains("bucket", "page", "size")
                .as("the caller is the token's, not a parameter").doesNotContain("actor", "clientId", "kind");
        // Every actor field says the token decides.
        JsonNode schemas = docs.get("components").get("schemas");
        for (String[] field : new String[][]{{"Accept", "agencyId"}, {"Return", "agencyId"}, {"Report", "agencyId"},
                {"Confirm", "agencyId"}, {"RequestExtension", "agencyId"}, {"Reassign", "arbitratedBy"}, {"Reissue", "arbitratedBy"},
                {"Approve", "decidedBy"}, {"Refuse", "decidedBy"}}) {
            JsonNode schema = schemas.get(field[0]);
            assertThat(schema).as(field[0]).isNotNull();
            assertThat(schema.get("properties").get(field[1]).get("description").asText()).as(field[0] + "." + field[1])
                    .startsWith("Optional; the caller's token decides; if given it must be the caller");
            assertThat(schema.path("required").toString()).as(field[0] + " requires no actor").doesNotContain("\"" + field[1] + "\"");
        }
    }
}
