package cn.changning.governance.gateway;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway in front of a small real HTTP backend: what the backend receives and what the caller
 * gets back. Sampling is off (probability 0) to show that it touches neither propagation nor the
 * ids: an unsampled trace is continued all the same. The calls are made with the JDK's client, which
 * adds no trace headers of its own (Boot's observed clients would).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "management.tracing.sampling.probability=0"})
@AutoConfigureObservability(metrics = false)
class GatewayTracingTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    /** The headers of each request the backend received. */
    private static final BlockingQueue<Map<String, List<String>>> RECEIVED = new LinkedBlockingQueue<>();
    private static final HttpServer BACKEND = backend();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
        registry.add("governance.routes.case-service", () -> TestBackend.url(BACKEND));
    }

    @AfterAll
    static void stop() {
        BACKEND.stop(0);
    }

    @BeforeEach
    void clear() {
        RECEIVED.clear();
    }

    @Test
    void aCallersTraceIsContinuedAndItsRequestIdKept() throws Exception {
        HttpResponse<String> answer = get(Map.of("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01",
                "X-Request-Id", "partner-call-1"));
        Map<String, List<String>> received = received();

        Matcher forwarded = traceparent(received);
        assertThat(forwarded.group(1)).as("same trace").isEqualTo(CALLER_TRACE);
        assertThat(forwarded.group(2)).as("the gateway's span as parent").isNotEqualTo(CALLER_SPAN);
        assertThat(forwarded.group(3)).as("the caller's sampling decision").isEqualTo("01");
        assertThat(received.get("x-request-id")).containsExactly("partner-call-1");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().allValues("X-Request-Id")).as("the gateway's, once").containsExactly("partner-call-1");
        List<String> traceresponse = answer.headers().allValues("traceresponse");
        assertThat(traceresponse).hasSize(1);
        assertThat(traceresponse.get(0)).startsWith("00-" + CALLER_TRACE + "-").doesNotContain(CALLER_SPAN);
    }

    @Test
    void aCallWithoutEitherGetsANewTraceAndRequestId() throws Exception {
        HttpResponse<String> answer = get(Map.of());
        Map<String, List<String>> received = received();

        Matcher forwarded = traceparent(received);
        assertThat(forwarded.group(1)).isNotEqualTo(CALLER_TRACE).doesNotMatch("0{32}");
        assertThat(forwarded.group(3)).as("sampling is off, the trace is still propagated").isEqualTo("00");
        String requestId = received.get("x-request-id").get(0);
        assertThat(UUID.fromString(requestId).toString()).isEqualTo(requestId);
        assertThat(answer.headers().allValues("X-Request-Id")).containsExactly(requestId);
        assertThat(answer.headers().firstValue("traceresponse")).hasValueSatisfying(
                t -> assertThat(t).startsWith("00-" + forwarded.group(1) + "-"));

        get(Map.of());
        assertThat(traceparent(received()).group(1)).as("each call its own trace").isNotEqualTo(forwarded.group(1));
    }

    @Test
    void anInvalidTraceparentStartsANewTrace() throws Exception {
        get(Map.of("traceparent", "00-" + "0".repeat(32) + "-" + CALLER_SPAN + "-01"));

        assertThat(traceparent(received()).group(1)).doesNotMatch("0{32}");
    }

    @Test
    void anInsaneRequestIdIsReplaced() throws Exception {
        for (String insane : List.of("x".repeat(101), "two words", "semi;colon", "<b>")) {
            HttpResponse<String> answer = get(Map.of("X-Request-Id", insane));
            String forwarded = received().get("x-request-id").get(0);

            assertThat(forwarded).isNotEqualTo(insane);
            assertThat(UUID.fromString(forwarded).toString()).isEqualTo(forwarded);
            assertThat(answer.headers().allValues("X-Request-Id")).containsExactly(forwarded);
        }
        get(Map.of("X-Request-Id", "x".repeat(100)));
        assertThat(received().get("x-request-id")).as("100 characters are still sane").containsExactly("x".repeat(100));
    }

    @Test
    void theGatewaysLogLineOfACallNamesItsTraceAndRequestId() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(RequestIdFilter.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        List<ILoggingEvent> ours;
        try {
            get(Map.of("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01", "X-Request-Id", "partner-log-1"));
            received();
            // The line is written once the answer has gone out, so it may come just after the caller has it.
            ours = await().atMost(Duration.ofSeconds(10)).until(() -> List.copyOf(appender.list).stream()
                    .filter(e -> "partner-log-1".equals(e.getMDCPropertyMap().get("requestId"))).toList(), l -> !l.isEmpty());
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
        assertThat(ours).hasSize(1);
        assertThat(ours.get(0).getMDCPropertyMap()).containsEntry("traceId", CALLER_TRACE).containsKey("spanId");
        assertThat(ours.get(0).getFormattedMessage()).isEqualTo("GET /api/v1/cases/c-1 answered 200");
    }

    private HttpResponse<String> get(Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases/c-1")).GET()
                .header("Authorization", "Bearer " + TestIssuer.token("cases:read"));
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, List<String>> received() throws InterruptedException {
        Map<String, List<String>> headers = RECEIVED.poll(10, TimeUnit.SECONDS);
        assertThat(headers).as("the backend was called").isNotNull();
        return headers;
    }

    private static Matcher traceparent(Map<String, List<String>> received) {
        assertThat(received.get("traceparent")).as("one traceparent").hasSize(1);
        Matcher matcher = TRACEPARENT.matcher(received.get("traceparent").get(0));
        assertThat(matcher.matches()).as(received.get("traceparent").get(0)).isTrue();
        return matcher;
    }

    /** Records the headers it receives (names lower-cased) and, like the services, echoes X-Request-Id and a traceresponse. */
private static HttpServer backend() {
        return TestBackend.start(exchange -> {
            Map<String, List<String>> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
            RECEIVED.add(headers);
            if (headers.containsKey("x-request-id")) {
                exchange.getResponseHeaders().add("X-Request-Id", headers.get("x-request-id").get(0));
            }
            exchange.getResponseHeaders().add("traceresponse", "00-" + CALLER_TRACE + "-1111111111111111-00");
            TestBackend.json(exchange, "{\"caseId\":\"c-1\"}");
        });
    }
}
