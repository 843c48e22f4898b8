package cn.changning.governance.gateway;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that is down or slow is answered for by the gateway with 503 problem+json and Retry-After within the
 * route's timeout (1 s here), never a hang: the client waits at most 20 s while the slow service would take longer,
 * so a gateway waiting for the service would fail the test with the client's timeout. After repeated failures the
 * circuit opens and the service is not called at all for a while.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=gateway",
        "governance.gateway.resilience.timeout=1s",
        "governance.gateway.resilience.timeouts.assessment-service=1s",
        "governance.gateway.resilience.window=4",
        "governance.gateway.resilience.minimum-calls=4",
        "governance.gateway.resilience.open-for=1m"})
class GatewayResilienceTest {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(20);
    /** Holds the slow services' answers until the test class is done (longer than the client waits). */
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static final HttpServer SLOW_CASE_SERVICE = TestBackend.start("/", exchange -> {
        await();
        TestBackend.json(exchange, "{}");
    });
    private static final AtomicBoolean ASSESSMENT_SLOW = new AtomicBoolean(true);
    private static final AtomicInteger ASSESSMENT_CALLS = new AtomicInteger();
    private static final HttpServer ASSESSMENT_SERVICE = TestBackend.start("/", exchange -> {
        ASSESSMENT_CALLS.incrementAndGet();
        if (ASSESSMENT_SLOW.get()) {
            await();
        }
        TestBackend.json(exchange, "{\"items\":[]}");
    });
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
        registry.add("governance.routes.case-service", () -> TestBackend.url(SLOW_CASE_SERVICE));
        registry.add("governance.routes.dispatch-service", TestBackend::stoppedServiceUrl);
        registry.add("governance.routes.assessment-service", () -> TestBackend.url(ASSESSMENT_SERVICE));
    }

    @AfterAll
    static void stop() {
        RELEASE.countDown();
        SLOW_CASE_SERVICE.stop(0);
        ASSESSMENT_SERVICE.stop(0);
    }

    @Test
    void aSlowServiceIsAnsweredFor503WithinTheRoutesTimeout() throws Exception {
        HttpResponse<String> answer = get("/api/v1/cases/c-1");

        JsonNode problem = GatewayContractTest.problem(answer, 503);
        assertThat(problem.get("type").asText()).endsWith("/service-unavailable");
        assertThat(problem.get("detail").asText()).contains("did not answer in time");
        assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
    }

    @Test
    void aStoppedServiceIsAnsweredFor503() throws Exception {
        HttpResponse<String> answer = get("/api/v1/dispatch-orders");

        JsonNode problem = GatewayContractTest.problem(answer, 503);
        assertThat(problem.get("detail").asText()).contains("could not be reached");
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void afterRepeatedFailuresTheCircuitOpensAndTheServiceIsNotCalled() throws Exception {
        for (int i = 0; i < 4; i++) {
            GatewayContractTest.problem(get("/api/v1/assessments/streets"), 503);
        }
        ASSESSMENT_SLOW.set(false);
        int calls = ASSESSMENT_CALLS.get();

        HttpResponse<String> answer = get("/api/v1/assessments/streets");

        JsonNode problem = GatewayContractTest.problem(answer, 503);
        assertThat(problem.get("detail").asText()).contains("not being called for now");
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(ASSESSMENT_CALLS.get()).as("the open circuit does not call the service").isEqualTo(calls);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(CLIENT_TIMEOUT)
                .header("Authorization", "Bearer " + TestIssuer.token("cases:read dispatch:read assessment:read")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void await() {
        try {
            RELEASE.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
