package cn.changning.governance.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's side of the partner contract, in front of real HTTP backends: rate limits per client, the body limit,
 * security headers, no CORS by default, management off the partners' port, problem+json for its own refusals, and
 * the one API document (the services' documents, the Swagger UI, the token endpoint) open without a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=gateway",
        "governance.http.max-request-body=1KB",
        "governance.gateway.rate-limit.kinds.STREET_CENTRE.capacity=3",
        "governance.gateway.rate-limit.kinds.STREET_CENTRE.period=1h"})
class GatewayContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What each backend received: method, path, Authorization, body size. */
    private static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();
    private static final HttpServer CASE_SERVICE = TestBackend.start("/", exchange -> {
        byte[] body = exchange.getRequestBody().readAllBytes();
        RECEIVED.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " auth="
                + exchange.getRequestHeaders().getFirst("Authorization") + " bytes=" + body.length);
        TestBackend.json(exchange, exchange.getRequestURI().getPath().equals("/v3/api-docs")
                ? "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"case service\"}}" : "{\"items\":[]}");
    });
    private static final HttpServer AUTHORIZATION_SERVER = TestBackend.start("/oauth2/token", exchange -> {
        RECEIVED.add("token " + new String(exchange.getRequestBody().readAllBytes()));
        TestBackend.json(exchange, "{\"access_token\":\"t\",\"token_type\":\"Bearer\"}");
    });
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
        registry.add("governance.routes.case-service", () -> TestBackend.url(CASE_SERVICE));
        registry.add("governance.routes.authorization-server", () -> TestBackend.url(AUTHORIZATION_SERVER));
    }

    @AfterAll
    static void stop() {
        CASE_SERVICE.stop(0);
        AUTHORIZATION_SERVER.stop(0);
    }

    @BeforeEach
    void clear() {
        RECEIVED.clear();
    }

    @Test
    void aSpentBucketAnswers429WithRetryAfterAndAnotherClientIsUnaffected() throws Exception {
        String first = TestIssuer.tokenOf("street-centre-a", "STREET_CENTRE", "cases:read");
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpResponse<String> allowed = send(get("/api/v1/cases").header("Authorization", "Bearer " + first));
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("RateLimit-Limit")).hasValue("3");
            assertThat(allowed.headers().firstValue("RateLimit-Remaining")).hasValue(String.valueOf(remaining));
        }
        RECEIVED.clear();
        HttpResponse<String> refused = send(get("/api/v1/cases").header("Authorization", "Bearer " + first));
        JsonNode problem = problem(refused, 429);
        assertThat(problem.get("type").asText()).endsWith("/too-many-requests");
        assertThat(problem.get("detail").asText()).contains("3 requests per hour");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).as("a third of an hour until the next request").isBetween(1L, 1200L);
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(RECEIVED.poll(300, TimeUnit.MILLISECONDS)).as("the service saw nothing").isNull();

        String other = TestIssuer.tokenOf("street-centre-b", "STREET_CENTRE", "cases:read");
        assertThat(send(get("/api/v1/cases").header("Authorization", "Bearer " + other)).statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIs413AndTheServiceSeesNothing() throws Exception {
        HttpResponse<String> declared = send(post("/api/v1/cases", HttpRequest.BodyPublishers.ofByteArray(new byte[1025])));
        assertThat(problem(declared, 413).get("detail").asText()).contains("1 KB");
        HttpResponse<String> chunked = send(post("/api/v1/cases",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[3000]))));
        problem(chunked, 413);
        assertThat(RECEIVED.poll(300, TimeUnit.MILLISECONDS)).as("the service saw nothing").isNull();

        assertThat(send(post("/api/v1/cases", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(new byte[1024])))).statusCode()).isEqualTo(200);
        assertThat(RECEIVED.poll(5, TimeUnit.SECONDS)).endsWith("bytes=1024");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersOnce() throws Exception {
        for (HttpResponse<String> answer : List.of(send(authorized(get("/api/v1/cases"))), send(get("/api/v1/cases")))) {
            Map<String, List<String>> headers = answer.headers().map();
            assertThat(answer.headers().allValues("X-Content-Type-Options")).as(headers.toString()).containsExactly("nosniff");
            assertThat(answer.headers().allValues("X-Frame-Options")).containsExactly("DENY");
            assertThat(answer.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
            assertThat(answer.headers().allValues("Content-Security-Policy")).containsExactly(GatewaySecurity.API_CSP);
            assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).as("only over https").isEmpty();
        }
        assertThat(send(get("/swagger-ui/index.html")).headers().allValues("Content-Security-Policy"))
                .containsExactly(GatewaySecurity.UI_CSP);
    }

    @Test
    void noCorsHeaderAtAllByDefault() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/api/v1/cases"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://hotline.example.cn").header("Access-Control-Request-Method", "GET"));
        HttpResponse<String> call = send(authorized(get("/api/v1/cases")).header("Origin", "https://hotline.example.cn"));
        for (HttpResponse<String> answer : List.of(preflight, call)) {
            assertThat(answer.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        }
    }

    @Test
    void managementAnswersOnlyOnItsOwnPort() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/info", "/actuator/metrics")) {
            problem(send(get(path)), 404);
        }
        assertThat(CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        // prometheus on the management port: GatewayHealthAndMetricsTest (metrics export is on there)
    }

    @Test
    void badPathsAndUnroutedPathsAreProblemJsonNotHtml() throws Exception {
        for (String path : List.of("//api/v1/cases", "/api/v1/cases;jsessionid=1", "/api/v1/cases/%2e%2e/x",
                "/api/v1/cases/a%2Fb", "/api/v1/cases/%25", "/api/v1/cases/a%00")) {
            problem(send(authorized(get(path)).header("Accept", "text/html")), 400);
        }
        problem(send(authorized(get("/api/v1/nothing-routed-here")).header("Accept", "text/html")), 403);
        problem(send(get("/api/v1/nothing-routed-here")), 401);
        problem(send(get("/api-docs/no-such-service")), 404);
    }

    @Test
    void theDocumentsTheUiAndTheTokenEndpointNeedNoToken() throws Exception {
        HttpResponse<String> document = send(get("/api-docs/case-service"));
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("case service");
        assertThat(RECEIVED.poll(5, TimeUnit.SECONDS)).isEqualTo("GET /v3/api-docs auth=null bytes=0");

        HttpResponse<String> config = send(get("/v3/api-docs/swagger-config"));
        assertThat(config.statusCode()).isEqualTo(200);
        JsonNode urls = JSON.readTree(config.body()).get("urls");
        assertThat(urls.findValuesAsText("url")).containsExactlyInAnyOrder("/api-docs/case-service",
                "/api-docs/dispatch-service", "/api-docs/assessment-service", "/api-docs/party-registry-service");
        HttpResponse<String> ui = send(get("/swagger-ui.html"));
        assertThat(ui.statusCode()).isEqualTo(302);
        assertThat(ui.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/swagger-ui/index.html"));
        assertThat(send(get("/swagger-ui/index.html")).statusCode()).isEqualTo(200);

        HttpResponse<String> token = send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=hotline")));
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.body()).contains("access_token");
        assertThat(RECEIVED.poll(5, TimeUnit.SECONDS)).startsWith("token ").contains("client_id=hotline");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private HttpRequest.Builder post(String path, HttpRequest.BodyPublisher body) {
        return authorized(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(body));
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + TestIssuer.token("cases:read cases:report"));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode problem(HttpResponse<String> answer, int status) throws Exception {
        String what = answer.uri() + " " + answer.statusCode() + " " + answer.headers().map() + " " + answer.body();
        assertThat(answer.statusCode()).as(what).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.body()).as(what).doesNotContain("<").doesNotContainIgnoringCase("tomcat").doesNotContain("Exception");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).as(what).isEqualTo(status);
        assertThat(problem.get("type").asText()).as(what).startsWith("https://changning.gov.cn/problems/");
        assertThat(problem.get("title").asText()).as(what).isNotBlank();
        assertThat(problem.get("detail").asText()).as(what).isNotBlank();
        return problem;
    }
}
