package cn.changning.governance.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** With an allowed origin configured, its preflights and calls get CORS headers; another origin's preflight does not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=gateway",
        "governance.gateway.cors.allowed-origins=https://hotline.example.cn"})
class GatewayCorsTest {

    private static final String ORIGIN = "https://hotline.example.cn";
    private static final HttpServer CASE_SERVICE = TestBackend.start(exchange -> TestBackend.json(exchange, "{\"items\":[]}"));
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
        registry.add("governance.routes.case-service", () -> TestBackend.url(CASE_SERVICE));
    }

    @AfterAll
    static void stop() {
        CASE_SERVICE.stop(0);
    }

    @Test
    void theConfiguredOriginGetsCorsHeaders() throws Exception {
        HttpResponse<String> preflight = preflight(ORIGIN);
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(m -> assertThat(m).contains("POST"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                h -> assertThat(h.toLowerCase()).contains("authorization").contains("idempotency-key"));

        HttpResponse<String> call = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases"))
                .header("Origin", ORIGIN).header("Authorization", "Bearer " + TestIssuer.token("cases:read")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
        assertThat(call.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(h -> assertThat(h).contains("Retry-After"));
    }

    @Test
    void anotherOriginGetsNone() throws Exception {
        HttpResponse<String> preflight = preflight("https://elsewhere.example");
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
