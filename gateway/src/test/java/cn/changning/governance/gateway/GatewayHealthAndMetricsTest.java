package cn.changning.governance.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as the local stack runs it: MongoDB's client on its classpath and the Mongo wire
 * server (which has no {@code hello} command) listening where Boot would look. Its health must
 * still be UP, and requests it proxies must be timed like the services' requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "management.endpoint.health.show-components=always"})
@AutoConfigureObservability
class GatewayHealthAndMetricsTest {

    private static final HttpServer CASE_SERVICE = caseServiceStub();
    private static final MongoServer MONGO = mongoWireServer();

    @Autowired
    TestRestTemplate http;

    /** Management is served on its own port (see GatewayContractTest: not on the partners'). */
    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
        registry.add("governance.routes.case-service", () -> TestBackend.url(CASE_SERVICE));
        InetSocketAddress mongo = MONGO.getLocalAddress();
        registry.add("spring.data.mongodb.uri", () -> "mongodb://127.0.0.1:" + mongo.getPort() + "/local_stack_probe");
    }

    @AfterAll
    static void stop() {
        CASE_SERVICE.stop(0);
        MONGO.shutdownNow();
    }

    @Test
    void healthIsUpAndRunsNoMongoCheck() {
        ResponseEntity<JsonNode> health = http.getForEntity(management("/actuator/health"), JsonNode.class);

        assertThat(health.getStatusCode()).as(String.valueOf(health.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
        assertThat(health.getBody().get("components").has("mongo")).as(health.getBody().toString()).isFalse();
        assertThat(http.getForEntity(management("/actuator/health/readiness"), JsonNode.class).getBody().get("status").asText())
                .isEqualTo("UP");
    }

    @Test
    void proxiedRequestsAreTimedWithHistogramBucketsAndTheServiceTag() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(TestIssuer.token("cases:read"));
        ResponseEntity<String> proxied = http.exchange("/api/v1/cases/c-1", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), String.class);
        assertThat(proxied.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(proxied.getBody()).contains("\"caseId\":\"c-1\"");

        List<String> lines = http.getForObject(management("/actuator/prometheus"), String.class).lines().toList();

        List<String> timed = lines.stream()
                .filter(l -> l.startsWith("http_server_requests_seconds_count{"))
                .filter(l -> l.contains("service=\"gateway\"") && l.contains("status=\"200\"") && l.contains("method=\"GET\""))
                .filter(l -> !l.contains("/actuator"))
                .toList();
        assertThat(timed).as("the proxied GET is timed").isNotEmpty();
        assertThat(lines).as("with percentile histogram buckets")
                .anyMatch(l -> l.startsWith("http_server_requests_seconds_bucket{") && l.contains("service=\"gateway\"")
                        && l.contains("status=\"200\"") && !l.contains("/actuator"));
        assertThat(timed).as("labelled with the id of the route that served it, from gateway.yml")
                .anyMatch(l -> l.contains("route=\"case-service\""));
        assertThat(lines).as("the route of a request answered before routing is none")
                .noneMatch(l -> l.startsWith("http_server_requests_seconds_count{") && !l.contains("route=\""));
    }

    @Test
    void eachClientsRequestsAreTimedByRouteAndStatusWithoutBuckets() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBearerAuth(TestIssuer.tokenOf("partner-city-platform", "PARTNER", "cases:read"));
        http.exchange("/api/v1/cases/c-2", org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(headers),
                String.class);
        assertThat(http.getForEntity("/api/v1/cases/c-3", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        List<String> lines = http.getForObject(management("/actuator/prometheus"), String.class).lines().toList();
        String client = "partner-city-platform";
        assertThat(lines).as("the token's client, the route and the status")
                .anyMatch(l -> l.startsWith("gateway_client_requests_seconds_count{") && l.contains("client=\"" + client + "\"")
                        && l.contains("route=\"case-service\"") && l.contains("status=\"200\""));
        assertThat(lines).as("a request without a token: anonymous, refused before routing")
                .anyMatch(l -> l.startsWith("gateway_client_requests_seconds_count{") && l.contains("client=\"anonymous\"")
                        && l.contains("route=\"none\"") && l.contains("status=\"401\""));
        assertThat(lines).as("no histogram buckets").noneMatch(l -> l.startsWith("gateway_client_requests_seconds_bucket"));
    }

    private String management(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    private static HttpServer caseServiceStub() {
        return TestBackend.start(exchange -> TestBackend.json(exchange,
                "{\"caseId\":\"" + exchange.getRequestURI().getPath().substring("/api/v1/cases/".length()) + "\"}"));
    }

    private static MongoServer mongoWireServer() {
        MemoryBackend backend = new MemoryBackend();
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return server;
    }
}
