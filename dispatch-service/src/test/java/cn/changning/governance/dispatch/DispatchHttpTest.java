package cn.changning.governance.dispatch;

import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.common.testing.TestCallers;
import cn.changning.governance.contracts.dispatch.EscalationLevel;
import cn.changning.governance.dispatch.domain.DispatchCommands.IssueDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchOrderIds;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.geography.Geography;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispatch service over HTTP on the real embedded stores, with the token checks on: every call carries a caller's
 * token ({@link TestCallers}). The HTTP tests extend this class so that they share one Spring context (the same
 * configuration is one cached context; two live contexts in one JVM would split the consumer groups between them).
 * Each test works in streets of its own, so that its lists and figures hold only its own orders.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=dispatch-service", "dispatch.metrics.gauge-refresh=500ms"})
@AutoConfigureObservability
abstract class DispatchHttpTest {

    static final AgencyDirectory AGENCIES = AgencyDirectory.load(Geography.load());
    static final TestCallers DISTRICT = TestCallers.district();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry, "dispatch_service");
        SharedInfrastructure.registerTokens(registry);
        CaseTopic.ensureCaseTopic();
    }

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected ObjectMapper objectMapper;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected CommandGateway commands;
    @Autowired
    protected EventStore eventStore;
    @LocalServerPort
    protected int port;

    /** A street's (or the town's) centre, as the authorisation server registers it. */
    static TestCallers centre(String streetCode) {
        return TestCallers.street(streetCode);
    }

    /** A stationed agency, with its street and parent department from the agency directory. */
    static TestCallers agency(String agencyId) {
        Agency agency = AGENCIES.find(agencyId).orElseThrow(() -> new AssertionError("no agency " + agencyId));
        return TestCallers.agency(agencyId, agency.streetCode(), agency.parentDepartment());
    }

    protected ResponseEntity<JsonNode> get(String path, TestCallers caller) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(caller, null)), JsonNode.class);
    }

    /** A GET that must answer 200: its body. */
    protected JsonNode read(String path, TestCallers caller) {
        ResponseEntity<JsonNode> answer = get(path, caller);
        assertThat(answer.getStatusCode()).as(path + " for " + caller.clientId() + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    protected ResponseEntity<JsonNode> post(String orderId, String action, String body, String ifMatch, TestCallers caller) {
        HttpHeaders headers = headers(caller, ifMatch);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/v1/dispatch-orders/" + orderId + "/" + action, HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private static HttpHeaders headers(TestCallers caller, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        if (caller != null) {
            headers.setBearerAuth(caller.token());
        }
        if (ifMatch != null) {
            headers.set("If-Match", ifMatch);
        }
        return headers;
    }

    /** The order as the district centre (which sees every order) reads it, once the condition holds. */
    protected JsonNode awaitOrder(String orderId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            ResponseEntity<JsonNode> r = get("/api/v1/dispatch-orders/" + orderId, DISTRICT);
            return r.getStatusCode() == HttpStatus.OK ? r.getBody() : null;
        }, body -> body != null && condition.test(body));
    }

    /**
     * Issues an order with the command gateway, as the policy does for a filed case (unlicensed stalls, due in ten
     * days), and waits until the read model has it all (issued, routed, clock started: version 2).
     */
    protected String issue(String streetCode, String lead, String... assistants) {
        String caseId = UUID.randomUUID().toString();
        String orderId = DispatchOrderIds.of(caseId, 0);
        Instant now = Instant.now();
        commands.sendAndWait(new IssueDispatchOrder(orderId, caseId, 0, "1501", "EVENT", "B", true, streetCode + "000001",
                streetCode, lead, type(lead), List.of(assistants), List.of(assistants).stream().map(DispatchHttpTest::type).toList(),
                EscalationLevel.STREET, now, now.plus(Duration.ofDays(10)), now));
        awaitOrder(orderId, o -> o.get("order").get("version").asLong() >= 2);
        return orderId;
    }

    private static String type(String agencyId) {
        return AGENCIES.find(agencyId).orElseThrow().type().name();
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an action answered with, after checking it succeeded. */
    static long version(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody().get("version").asLong();
    }
}
