package cn.changning.governance.dispatch;

import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseSentBackForRework;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.dispatch.domain.DispatchOrderIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispatch service alone on the real embedded stores: a case filed on the case topic becomes a joint task,
 * is returned by a wrong agency, reassigned by the street, handled by the lead and confirmed by the assistant,
 * and DispatchOrderHandled reaches the dispatch topic for the case service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=dispatch-service", "dispatch.metrics.gauge-refresh=500ms"})
@AutoConfigureObservability
class DispatchServiceIntegrationTest {

    static final String SQUAD = "310105001-squad";
    static final String POLICE = "310105001-police";
    static final String MARKET = "310105001-market";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry, "dispatch_service");
        CaseTopic.ensureCaseTopic();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    JdbcTemplate jdbc;

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
        String returnBody = "{\"agencyId\":\"" + POLICE + "\",\"reason\":\"WRONG_AGENCY\",\"note\":\"licensing matter\"}";
        ResponseEntity<JsonNode> withoutIfMatch = post(orderId, "return", returnBody, null);
        assertThat(withoutIfMatch.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(withoutIfMatch.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(withoutIfMatch.getBody().get("type").asText()).endsWith("/precondition-required");
        assertThat(withoutIfMatch.getBody().get("errors").findValuesAsText("field")).containsExactly("If-Match");
        long v = version(post(orderId, "return", returnBody, etag(order.get("order").get("version").asLong())));
        String reassign = "{\"returnedAgencyId\":\"" + POLICE + "\",\"toAgencyId\":\"" + MARKET + "\",\"arbitratedBy\":\"huayang-centre\"}";
        ResponseEntity<JsonNode> stale = post(orderId, "reassign", reassign, etag(v - 1));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(stale.getBody().get("type").asText()).endsWith("/precondition-failed");
        assertThat(stale.getBody().get("currentVersion").asLong()).isEqualTo(v);
        ResponseEntity<JsonNode> reassigned = post(orderId, "reassign", reassign, etag(v));
        assertThat(reassigned.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reassigned.getHeaders().getETag()).isEqualTo("\"" + (v + 1) + "\"");

        ResponseEntity<JsonNode> accepted = post(orderId, "accept", "{\"agencyId\":\"" + SQUAD + "\"}", "*");
        assertThat(accepted.getStatusCode()).as("* is any current version").isEqualTo(HttpStatus.OK);
        v = version(accepted);
        assertThat(v).isEqualTo(reassigned.getBody().get("version").asLong() + 1);
        v = version(post(orderId, "accept", "{\"agencyId\":\"" + MARKET + "\"}", etag(v)));
        // The assistant cannot confirm before the lead reports.
        ResponseEntity<JsonNode> early = post(orderId, "confirm", "{\"agencyId\":\"" + MARKET + "\"}", etag(v));
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody().get("code").asText()).isEqualTo("lead-not-reported");

        v = version(post(orderId, "report", "{\"agencyId\":\"" + SQUAD + "\",\"result\":\"RESOLVED\",\"note\":\"stalls cleared\","
                + "\"photoUrls\":[\"https://img.example/after.jpg\"]}", etag(v)));
        version(post(orderId, "confirm", "{\"agencyId\":\"" + MARKET + "\",\"note\":\"licences checked\"}", etag(v)));

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
        assertThat(done.get("history").findValuesAsText("event")).containsSubsequence(
                "DispatchOrderIssued", "DispatchOrderReturned", "DispatchOrderReassigned", "DispatchOrderHandlingReported",
                "DispatchOrderAssistanceConfirmed", "DispatchOrderHandled");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%DispatchOrderIssued'",
                Long.class, orderId)).isEqualTo(1L);

        JsonNode police = http.getForEntity("/api/v1/agencies/" + POLICE + "/stats", JsonNode.class).getBody();
        assertThat(police.get("dispatched").asLong()).isEqualTo(1);
        assertThat(police.get("returned").asLong()).isEqualTo(1);
        assertThat(police.get("handledOnTime").asLong()).isZero();
        JsonNode squad = http.getForEntity("/api/v1/agencies/" + SQUAD + "/stats", JsonNode.class).getBody();
        assertThat(squad.get("accepted").asLong()).isEqualTo(1);
        assertThat(squad.get("handledOnTime").asLong()).isEqualTo(1);

        JsonNode list = http.getForEntity("/api/v1/dispatch-orders?agencyId=" + MARKET + "&state=HANDLED", JsonNode.class).getBody();
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

        JsonNode queue = http.getForEntity("/api/v1/agencies/" + xinhuaPolice + "/queue", JsonNode.class).getBody();
        assertThat(queue.get("items").findValuesAsText("orderId")).contains(orderId);
        assertThat(queue.get("items").findValuesAsText("bucket")).contains("AWAITING_ACCEPTANCE");
        assertThat(queue.get("total").asLong()).isEqualTo(queue.get("items").size());

        v = version(post(orderId, "return", "{\"agencyId\":\"" + xinhuaPolice + "\",\"reason\":\"WRONG_AGENCY\"}", etag(v)));
        // While the street arbitrates, the police's part sits in its arbitration bucket, and in no other.
        JsonNode arbitration = await().atMost(Duration.ofSeconds(15)).until(() -> http.getForEntity(
                "/api/v1/agencies/" + xinhuaPolice + "/queue?bucket=AWAITING_ARBITRATION", JsonNode.class).getBody(),
                body -> body.get("items").findValuesAsText("orderId").contains(orderId));
        assertThat(arbitration.get("items").findValuesAsText("bucket")).containsOnly("AWAITING_ARBITRATION");
        assertThat(http.getForEntity("/api/v1/agencies/" + xinhuaPolice + "/queue?bucket=AWAITING_ACCEPTANCE", JsonNode.class)
                .getBody().get("items").findValuesAsText("orderId")).doesNotContain(orderId);
        awaitBoardAgreesWithTheList("310105004");

        v = version(post(orderId, "reassign", "{\"returnedAgencyId\":\"" + xinhuaPolice + "\",\"toAgencyId\":\"" + xinhuaMarket + "\",\"arbitratedBy\":\"c\"}", etag(v)));
        v = version(post(orderId, "return", "{\"agencyId\":\"" + xinhuaMarket + "\",\"reason\":\"OUTSIDE_REMIT\"}", etag(v)));
        version(post(orderId, "reassign", "{\"returnedAgencyId\":\"" + xinhuaMarket + "\",\"toAgencyId\":\"" + xinhuaPolice + "\",\"arbitratedBy\":\"c\"}", etag(v)));

        JsonNode pairs = await().atMost(Duration.ofSeconds(15)).until(
                () -> http.getForEntity("/api/v1/dispatch-orders/buck-passing?streetCode=310105004", JsonNode.class).getBody(),
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

    /** The board's pre-aggregated counts agree with the order list's totals, state by state (awaited: both follow the topic). */
    private JsonNode awaitBoardAgreesWithTheList(String street) {
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> http.getForEntity("/api/v1/dispatch/streets/" + street + "/board", JsonNode.class).getBody(),
                board -> {
                    for (String state : List.of("AWAITING_ACCEPTANCE", "IN_PROGRESS", "AWAITING_ARBITRATION",
                            "AWAITING_CONFIRMATION", "HANDLED", "REWORKED")) {
                        long listed = http.getForEntity("/api/v1/dispatch-orders?streetCode=" + street + "&state=" + state,
                                JsonNode.class).getBody().get("total").asLong();
                        if (board.get("byState").get(state).asLong() != listed) {
                            return false;
                        }
                    }
                    return board.get("awaitingArbitration").asLong() == board.get("byState").get("AWAITING_ARBITRATION").asLong()
                            && board.get("overdue").asLong() == http.getForEntity("/api/v1/dispatch-orders?streetCode=" + street
                            + "&overdue=true", JsonNode.class).getBody().get("total").asLong();
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
        long v = version(post(first, "accept", "{\"agencyId\":\"" + team + "\"}", etag(issued.get("order").get("version").asLong())));
        version(post(first, "report", "{\"agencyId\":\"" + team + "\",\"result\":\"RESOLVED\"}", etag(v)));

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
                () -> http.getForEntity("/api/v1/agencies/" + team + "/stats", JsonNode.class).getBody(),
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
        version(post(orderId, "return", "{\"agencyId\":\"310105002-police\",\"reason\":\"OUTSIDE_REMIT\"}", "*"));
        version(post(orderId, "accept", "{\"agencyId\":\"310105002-squad\"}", "*"));
        String scrape = await().atMost(Duration.ofSeconds(15)).until(
                () -> http.getForEntity("/actuator/prometheus", String.class).getBody(),
                body -> body.contains("dispatch_orders_returned_total{") && body.contains("dispatch_order_time_to_accept_seconds_count{")
                        && body.contains("state=\"AWAITING_ARBITRATION\""));
        assertThat(scrape).contains("dispatch_orders_overdue");
        assertThat(scrape).containsPattern("dispatch_orders\\{agency_type=\"CITY_MANAGEMENT_SQUAD\".*state=\"AWAITING_ARBITRATION\"");
        assertThat(scrape).contains("reason=\"OUTSIDE_REMIT\"");
    }

    @Test
    void badInputIsAProblemNamingTheFieldNeverA500() {
        String orderId = "no-such-order-r0";
        ResponseEntity<JsonNode> missingReason = post(orderId, "return", "{\"agencyId\":\"" + POLICE + "\"}", null);
        assertThat(missingReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missingReason.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(missingReason.getBody().get("errors").get(0).get("field").asText()).isEqualTo("reason");

        ResponseEntity<JsonNode> badReason = post(orderId, "return", "{\"agencyId\":\"" + POLICE + "\",\"reason\":\"BORED\"}", null);
        assertThat(badReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badReason.getBody().get("errors").get(0).get("field").asText()).isEqualTo("reason");

        ResponseEntity<JsonNode> badPhoto = post(orderId, "report", "{\"agencyId\":\"" + SQUAD + "\",\"result\":\"RESOLVED\",\"photoUrls\":[\"ftp://x\"]}", null);
        assertThat(badPhoto.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPhoto.getBody().get("errors").get(0).get("field").asText()).startsWith("photoUrls");

        ResponseEntity<JsonNode> unknownOrder = post(orderId, "accept", "{\"agencyId\":\"" + SQUAD + "\"}", "*");
        assertThat(unknownOrder.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> badIfMatch = post(orderId, "accept", "{\"agencyId\":\"" + SQUAD + "\"}", "yesterday");
        assertThat(badIfMatch.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        ResponseEntity<JsonNode> badState = http.getForEntity("/api/v1/dispatch-orders?state=SLEEPING", JsonNode.class);
        assertThat(badState.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badState.getBody().get("errors").get(0).get("field").asText()).isEqualTo("state");

        ResponseEntity<JsonNode> hugePage = http.getForEntity("/api/v1/dispatch-orders?size=5000", JsonNode.class);
        assertThat(hugePage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(hugePage.getBody().get("errors").get(0).get("field").asText()).isEqualTo("size");
        for (String list : List.of("/api/v1/dispatch-orders?size=101", "/api/v1/dispatch-orders/buck-passing?size=0",
                "/api/v1/agencies/" + SQUAD + "/queue?size=x")) {
            ResponseEntity<JsonNode> bad = http.getForEntity(list, JsonNode.class);
            assertThat(bad.getStatusCode()).as(list).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(bad.getBody().get("errors").get(0).get("field").asText()).as(list).isEqualTo("size");
        }
        ResponseEntity<JsonNode> badPageOfQueue = http.getForEntity("/api/v1/agencies/" + SQUAD + "/queue?page=-1", JsonNode.class);
        assertThat(badPageOfQueue.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPageOfQueue.getBody().get("errors").get(0).get("field").asText()).isEqualTo("page");
        ResponseEntity<JsonNode> badBucket = http.getForEntity("/api/v1/agencies/" + SQUAD + "/queue?bucket=SOMEDAY", JsonNode.class);
        assertThat(badBucket.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badBucket.getBody().get("errors").get(0).get("field").asText()).isEqualTo("bucket");

        ResponseEntity<JsonNode> unknownStreet = http.getForEntity("/api/v1/agencies?streetCode=999", JsonNode.class);
        assertThat(unknownStreet.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknownStreet.getBody().get("errors").get(0).get("field").asText()).isEqualTo("streetCode");

        assertThat(http.getForEntity("/api/v1/agencies/nobody/queue", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/v1/dispatch-orders/" + orderId, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void referenceDataIsServed() {
        JsonNode agencies = http.getForEntity("/api/v1/agencies?streetCode=310105001", JsonNode.class).getBody();
        assertThat(agencies.get("agencies")).hasSize(7);
        JsonNode squad = http.getForEntity("/api/v1/agencies/" + SQUAD, JsonNode.class).getBody();
        assertThat(squad.get("parentDepartment").asText()).isEqualTo("DISTRICT_CITY_MANAGEMENT_BUREAU");
        JsonNode list = http.getForEntity("/api/v1/responsibility-list?itemCode=1501&streetCode=310105009", JsonNode.class).getBody();
        assertThat(list.get("entries").get(0).get("assistingTypes").findValuesAsText("assistingTypes")).isEmpty();
        assertThat(list.get("entries").get(0).get("assistingTypes").toString()).contains("MARKET_SUPERVISION_OFFICE");
        assertThat(http.getForEntity("/api/v1/responsibility-list", JsonNode.class).getBody().get("entries")).hasSize(181);
        JsonNode docs = http.getForEntity("/v3/api-docs", JsonNode.class).getBody();
        JsonNode reassign = docs.get("paths").get("/api/v1/dispatch-orders/{orderId}/reassign");
        assertThat(reassign).isNotNull();
        assertThat(reassign.get("post").get("parameters").toString())
                .contains("\"name\":\"If-Match\"", "\"in\":\"header\"", "\"required\":true").doesNotContain("ifMatch", "\"expected\"");
        assertThat(reassign.get("post").get("responses").has("428")).isTrue();
        assertThat(reassign.get("post").get("responses").has("412")).isTrue();
        JsonNode queue = docs.get("paths").get("/api/v1/agencies/{agencyId}/queue").get("get");
        assertThat(queue.get("parameters").findValuesAsText("name")).contains("bucket", "page", "size");
    }

    private JsonNode awaitOrder(String orderId, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            ResponseEntity<JsonNode> r = http.getForEntity("/api/v1/dispatch-orders/" + orderId, JsonNode.class);
            return r.getStatusCode() == HttpStatus.OK ? r.getBody() : null;
        }, body -> body != null && condition.test(body));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an action answered with, after checking it succeeded. */
    private static long version(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody().get("version").asLong();
    }

    private ResponseEntity<JsonNode> post(String orderId, String action, String body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.set("If-Match", ifMatch);
        }
        return http.exchange("/api/v1/dispatch-orders/" + orderId + "/" + action, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
