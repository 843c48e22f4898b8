package cn.changning.governance.gateway;

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
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as the one secured entrance, in front of a real HTTP backend: a call without a valid token, or whose
 * scopes cannot reach the route's service, never reaches the backend; a valid one does, with its token as it came.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=gateway")
class GatewaySecurityTest {

    private static final String ISSUER = TestIssuer.ISSUER;
    private static final KeyPair KEY = TestIssuer.KEY;
    private static final KeyPair OTHER_KEY = TestIssuer.OTHER_KEY;
    private static final BlockingQueue<String> RECEIVED_AUTHORIZATION = new LinkedBlockingQueue<>();
    private static final BlockingQueue<String> RECEIVED_BODY = new LinkedBlockingQueue<>();
    private static final HttpServer BACKEND = backend();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
        registry.add("governance.routes.case-service", () -> TestBackend.url(BACKEND));
    }

    @AfterAll
    static void stop() {
        BACKEND.stop(0);
    }

    @BeforeEach
    void clear() {
        RECEIVED_AUTHORIZATION.clear();
        RECEIVED_BODY.clear();
    }

    @Test
    void withoutATokenTheCallStopsAtTheGatewayWith401() throws Exception {
        HttpResponse<String> answer = get("/api/v1/cases", null);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(t -> assertThat(t).startsWith("Bearer"));
        assertThat(RECEIVED_AUTHORIZATION.poll(300, TimeUnit.MILLISECONDS)).as("the backend saw nothing").isNull();
    }

    @Test
    void anExpiredForeignOrOtherIssuersTokenIs401() throws Exception {
        Instant now = Instant.now();
        for (String token : new String[]{
                token(KEY, ISSUER, "cases:read", now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))),
                token(OTHER_KEY, ISSUER, "cases:read", now, now.plusSeconds(600)),
                token(KEY, "http://elsewhere.test", "cases:read", now, now.plusSeconds(600))}) {
            assertThat(get("/api/v1/cases", token).statusCode()).isEqualTo(401);
        }
        assertThat(RECEIVED_AUTHORIZATION.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aTokenWhoseScopesCannotReachTheServiceIs403() throws Exception {
        Instant now = Instant.now();
        assertThat(get("/api/v1/cases", token(KEY, ISSUER, "dispatch:agency reference:read", now, now.plusSeconds(600))).statusCode())
                .isEqualTo(403);
        assertThat(RECEIVED_AUTHORIZATION.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aValidTokenIsProxiedAndRelayedAsItCame() throws Exception {
        Instant now = Instant.now();
        String token = token(KEY, ISSUER, "cases:read", now, now.plusSeconds(600));
        HttpResponse<String> answer = get("/api/v1/cases", token);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(RECEIVED_AUTHORIZATION.poll(5, TimeUnit.SECONDS)).isEqualTo("Bearer " + token);
    }

    @Test
    void open311PassesWithoutATokenToTheCaseServiceWithTheApisCsp() throws Exception {
        HttpResponse<String> answer = get("/open311/v2/discovery.xml", null);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(RECEIVED_AUTHORIZATION.poll(5, TimeUnit.SECONDS)).as("no token needed, none invented").isEqualTo("(none)");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).contains(GatewaySecurity.API_CSP);
        assertThat(get("/open311/v3/discovery.xml", null).statusCode()).as("only the facade's own paths").isEqualTo(401);
    }

    @Test
    void anOpen311FormReachesTheCaseServiceAsItWasSent() throws Exception {
        String form = "api_key=dev-open311-partner&service_code=0101&description=" + URLEncoder.encode("盖子\r\nmissing", StandardCharsets.UTF_8);
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        String received = RECEIVED_BODY.poll(5, TimeUnit.SECONDS);
        assertThat(received).isNotNull();
        assertThat(Arrays.stream(received.split("&")).map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8)))
                .containsExactlyInAnyOrder("api_key=dev-open311-partner", "service_code=0101", "description=盖子\r\nmissing");
    }

    @Test
    void healthStaysOpenOnTheManagementPort() throws Exception {
        HttpResponse<String> health = CLIENT.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(KeyPair key, String issuer, String scope, Instant issuedAt, Instant expiresAt) {
        return TestIssuer.token(key, issuer, scope, issuedAt, expiresAt);
    }

    private static HttpServer backend() {
        return TestBackend.start("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            RECEIVED_AUTHORIZATION.add(authorization == null ? "(none)" : authorization);
            if (exchange.getRequestMethod().equals("POST")) {
                RECEIVED_BODY.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            TestBackend.json(exchange, "{\"items\":[]}");
        });
    }
}
