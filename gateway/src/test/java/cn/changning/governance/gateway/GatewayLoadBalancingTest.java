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
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances of the case service behind one CASE_SERVICE_URL: the gateway takes turns over them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=gateway")
class GatewayLoadBalancingTest {

    private static final AtomicInteger FIRST_CALLS = new AtomicInteger();
    private static final AtomicInteger SECOND_CALLS = new AtomicInteger();
    private static final HttpServer FIRST = TestBackend.start(exchange -> {
        FIRST_CALLS.incrementAndGet();
        TestBackend.json(exchange, "{\"instance\":\"first\"}");
    });
    private static final HttpServer SECOND = TestBackend.start(exchange -> {
        SECOND_CALLS.incrementAndGet();
        TestBackend.json(exchange, "{\"instance\":\"second\"}");
    });
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
        // as CASE_SERVICE_URL would give it, with a space after the comma
        registry.add("governance.routes.case-service", () -> TestBackend.url(FIRST) + ", " + TestBackend.url(SECOND));
    }

    @AfterAll
    static void stop() {
        FIRST.stop(0);
        SECOND.stop(0);
    }

    @Test
    void callsToOneServiceAreSharedEvenlyBetweenItsInstances() throws Exception {
        int calls = 20;
        for (int i = 0; i < calls; i++) {
            HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases/c-" + i))
                    .header("Authorization", "Bearer " + TestIssuer.token("cases:read")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }

        // round robin: one after the other, so twenty calls split exactly
        assertThat(FIRST_CALLS.get()).isEqualTo(calls / 2);
        assertThat(SECOND_CALLS.get()).isEqualTo(calls / 2);
    }
}
