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
        long v = post(orderId, "return", "{\"agencyId\":\"" + POLICE + "\",\"reason\":\"WRONG_AGENCY\",\"note\":\"licensing matter\"}", null)
                .getBody().get("version").asLong();
        ResponseEntity<JsonNode> stale = post(orderId, "reassign",
                "{\"returnedAgencyId\":\"" + POLICE + "\",\"toAgencyId\":\"" + MARKET + "\",\"arbitratedBy\":\"huayang-centre\"}", "\"" + (v - 1) + "\"");
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> reassigned = post(orderId, "reassign",
                "{\"returnedAgencyId\":\"" + POLICE + "\",\"toAgencyId\":\"" + MARKET + "\",\"arbitratedBy\":\"huayang-centre\"}", "\"" + v + "\"");
        assertThat(reassigned.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reassigned.getHeaders().getETag()).isEqualTo("\"" + (v + 1) + "\"");

        assertThat(post(orderId, "accept", "{\"agencyId\":\"" + SQUAD + "\"}", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post(orderId, "accept", "{\"agencyId\":\"" + MARKET + "\"}", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        // The assistant cannot confirm before the lead reports.
        ResponseEntity<JsonNode> early = post(orderId, "confirm", "{\"agencyId\":\"" + MARKET + "\"}", null);
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody().get("code").asText()).isEqualTo("lead-not-reported");

        assertThat(post(orderId, "report", "{\"agencyId\":\"" + SQUAD + "\",\"result\":\"RESOLVED\",\"note\":\"stalls cleared\","
                + "\"photoUrls\":[\"https://img.example/after.jpg\"]}", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post(orderId, "confirm", "{\"agencyId\":\"" + MARKET + "\",\"note\":\"licences checked\"}", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);

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
        awaitOrder(orderId, o -> o.get("order").get("version").asLong() >= 2);

        JsonNode queue = http.getForEntity("/api/v1/agencies/" + xinhuaPolice + "/queue", JsonNode.class).getBody();
        assertThat(queue.get("awaitingAcceptance").findValuesAsText("orderId")).contains(orderId);

        post(orderId, "return", "{\"agencyId\":\"" + xinhuaPolice + "\",\"reason\":\"WRONG_AGENCY\"}", null);
        post(orderId, "reassign", "{\"returnedAgencyId\":\"" + xinhuaPolice + "\",\"toAgencyId\":\"" + xinhuaMarket + "\",\"arbitratedBy\":\"c\"}", null);
        post(orderId, "return", "{\"agencyId\":\"" + xinhuaMarket + "\",\"reason\":\"OUTSIDE_REMIT\"}", null);
        post(orderId, "reassign", "{\"returnedAgencyId\":\"" + xinhuaMarket + "\",\"toAgencyId\":\"" + xinhuaPolice + "\",\"arbitratedBy\":\"c\"}", null);

        JsonNode pairs = await().atMost(Duration.ofSeconds(15)).until(
                () -> http.getForEntity("/api/v1/dispatch-orders/buck-passing?streetCode=310105004", JsonNode.class).getBody(),
                body -> body.size() > 0 && body.get(0).get("returns").asLong() == 2 && body.toString().contains(orderId));
        JsonNode pair = pairs.get(0);
        assertThat(List.of(pair.get("agencyA").asText(), pair.get("agencyB").asText())).containsExactlyInAnyOrder(xinhuaMarket, xinhuaPolice);
        assertThat(pair.get("returns").asLong()).isEqualTo(2);

        JsonNode board = http.getForEntity("/api/v1/dispatch/streets/310105004/board", JsonNode.class).getBody();
        assertThat(board.get("byState").get("AWAITING_ACCEPTANCE").asLong()).isGreaterThanOrEqualTo(1);
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
        post(first, "accept", "{\"agencyId\":\"" + team + "\"}", null);
        assertThat(post(first, "report", "{\"agencyId\":\"" + team + "\",\"result\":\"RESOLVED\"}", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);

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
        post(orderId, "return", "{\"agencyId\":\"310105002-police\",\"reason\":\"OUTSIDE_REMIT\"}", null);
        post(orderId, "accept", "{\"agencyId\":\"310105002-squad\"}", null);
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

        ResponseEntity<JsonNode> unknownOrder = post(orderId, "accept", "{\"agencyId\":\"" + SQUAD + "\"}", null);
        assertThat(unknownOrder.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> badIfMatch = post(orderId, "accept", "{\"agencyId\":\"" + SQUAD + "\"}", "yesterday");
        assertThat(badIfMatch.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        ResponseEntity<JsonNode> badState = http.getForEntity("/api/v1/dispatch-orders?state=SLEEPING", JsonNode.class);
        assertThat(badState.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badState.getBody().get("errors").get(0).get("field").asText()).isEqualTo("state");

        ResponseEntity<JsonNode> hugePage = http.getForEntity("/api/v1/dispatch-orders?size=5000", JsonNode.class);
        assertThat(hugePage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(hugePage.getBody().get("errors").get(0).get("field").asText()).isEqualTo("size");

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
                .contains("\"name\":\"If-Match\"", "\"in\":\"header\"").doesNotContain("ifMatch", "\"expected\"");
    }

    private JsonNode awaitOrder(String orderId, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            ResponseEntity<JsonNode> r = http.getForEntity("/api/v1/dispatch-orders/" + orderId, JsonNode.class);
            return r.getStatusCode() == HttpStatus.OK ? r.getBody() : null;
        }, body -> body != null && condition.test(body));
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
