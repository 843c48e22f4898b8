package cn.changning.governance.common.idempotency;

import cn.changning.governance.common.security.SecurityConfiguration;
import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.common.testing.TestClock;
import cn.changning.governance.common.testing.TestTokens;
import cn.changning.governance.common.web.ProblemDetailsAdvice;
import cn.changning.governance.contracts.identity.Claims;
import cn.changning.governance.contracts.identity.Scopes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter in a small service (web, security, PostgreSQL with the shared migrations) on the embedded PostgreSQL,
 * over real HTTP, on a probe create that counts its runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = IdempotencyFilterTest.App.class,
        properties = "governance.service-name=idempotency-probe")
class IdempotencyFilterTest {

    static final String PATH = "/api/v1/things";
    static final Map<String, String> PARTNER = Map.of(Claims.ACTOR_KIND, "PARTNER");

    @SpringBootConfiguration
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
            ErrorMvcAutoConfiguration.class, SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class, DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class,
            IdempotencyAutoConfiguration.class})
    @Import({SecurityConfiguration.class, ProblemDetailsAdvice.class, IdempotencyProbe.class, IdempotencyProbe.State.class})
    static class App {
        @Bean
        TestClock clock() {
            return new TestClock();
        }

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry, "idempotency_probe");
        SharedInfrastructure.registerTokens(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    IdempotencyProbe.State probe;
    @Autowired
    TestClock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdempotencyPurge purge;
    @Autowired
    Environment environment;

    final HttpClient client = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    final String partnerToken = TestTokens.issue("partner-a", PARTNER, Scopes.CASES_REPORT);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSameKeyAndRequestReplaysTheFirstAnswerWithoutRunningAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        double replayedBefore = count("replayed");
        HttpResponse<String> first = post(key, "{\"name\":\"bench\"}");
        HttpResponse<String> second = post(key, "{\"name\":\"bench\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue(IdempotencyKey.REPLAYED_HEADER)).isEmpty();
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.headers().firstValue(IdempotencyKey.REPLAYED_HEADER)).hasValue("true");
        for (String header : new String[]{"Location", "ETag", "Content-Type", "X-Thing-Run"}) {
            assertThat(second.headers().firstValue(header)).as(header).isPresent().isEqualTo(first.headers().firstValue(header));
        }
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(json.readTree(second.body()).get("run").asInt()).isEqualTo(probe.runs.get());
        assertThat(count("replayed")).isEqualTo(replayedBefore + 1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422NamingTheHeaderAndNothingRuns() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(post(key, "{\"name\":\"bench\"}").statusCode()).isEqualTo(201);
        int runs = probe.runs.get();
        double mismatches = count("mismatch");

        for (HttpResponse<String> other : new HttpResponse[]{post(key, "{\"name\":\"lamp\"}"),
                send(request(PATH + "?colour=red", key, partnerToken).POST(body("{\"name\":\"bench\"}")).build())}) {
            assertThat(other.statusCode()).isEqualTo(422);
            assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(other.body());
            assertThat(problem.get("type").asText()).isEqualTo(ProblemDetailsAdvice.TYPE_BASE + "idempotency-key-reused");
            assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        }
        assertThat(probe.runs.get()).isEqualTo(runs);
        assertThat(count("mismatch")).isEqualTo(mismatches + 2);
    }

    @Test
    void aKeyIsTheClientsOwn() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> a = post(key, "{\"name\":\"bench\"}");
        HttpResponse<String> b = send(request(PATH, key, TestTokens.issue("partner-b", PARTNER, Scopes.CASES_REPORT))
                .POST(body("{\"name\":\"bench\"}")).build());
        assertThat(b.statusCode()).isEqualTo(201);
        assertThat(b.headers().firstValue(IdempotencyKey.REPLAYED_HEADER)).isEmpty();
        assertThat(json.readTree(b.body()).get("by").asText()).isEqualTo("partner-b");
        assertThat(b.headers().firstValue("Location")).isNotEqualTo(a.headers().firstValue("Location"));
    }

    @Test
    void whileTheFirstRequestRunsTheKeyAnswers409WithRetryAfter() throws Exception {
        String key = UUID.randomUUID().toString();
        CountDownLatch running = hold();
        CompletableFuture<HttpResponse<String>> first = postLater(key, "{\"name\":\"bench\"}");
        assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();

        double conflicts = count("conflict");
        HttpResponse<String> meanwhile = post(key, "{\"name\":\"bench\"}");
        assertThat(meanwhile.statusCode()).isEqualTo(409);
        assertThat(count("conflict")).isEqualTo(conflicts + 1);
        assertThat(meanwhile.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json.readTree(meanwhile.body()).get("type").asText())
                .isEqualTo(ProblemDetailsAdvice.TYPE_BASE + "idempotency-key-in-flight");
        assertThat(json.readTree(meanwhile.body()).get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");

        probe.release.countDown();
        assertThat(first.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        HttpResponse<String> after = post(key, "{\"name\":\"bench\"}");
        assertThat(after.headers().firstValue(IdempotencyKey.REPLAYED_HEADER)).hasValue("true");
        assertThat(after.body()).isEqualTo(first.get().body());
    }

    @Test
    void aFailedOrRefusedFirstRequestKeepsNothingAndTheRetryRuns() throws Exception {
        for (String failure : new String[]{"500", "exception", "409"}) {
            String key = UUID.randomUUID().toString();
            probe.failNext.set(failure);
            double released = count("released");
            assertThat(post(key, "{\"name\":\"bench\"}").statusCode()).as(failure).isIn(500, 409);
            assertThat(count("released")).isEqualTo(released + 1);
            assertThat(rows(key)).as(failure + ": nothing kept").isZero();

            int runs = probe.runs.get();
            HttpResponse<String> retry = post(key, "{\"name\":\"bench\"}");
            assertThat(retry.statusCode()).as(failure).isEqualTo(201);
            assertThat(retry.headers().firstValue(IdempotencyKey.REPLAYED_HEADER)).isEmpty();
            assertThat(probe.runs.get()).isEqualTo(runs + 1);
        }
    }

    @Test
    void pastTheRetentionAKeyRunsAgainAndIsPurged() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post(key, "{\"name\":\"bench\"}");
        clock.moveOn(Duration.ofHours(23));
        assertThat(post(key, "{\"name\":\"bench\"}").headers().firstValue(IdempotencyKey.REPLAYED_HEADER)).hasValue("true");

        clock.moveOn(Duration.ofHours(1));
        HttpResponse<String> later = post(key, "{\"name\":\"lamp\"}");
        assertThat(later.statusCode()).isEqualTo(201);
        assertThat(later.headers().firstValue(IdempotencyKey.REPLAYED_HEADER)).isEmpty();
        assertThat(json.readTree(later.body()).get("name").asText()).isEqualTo("lamp");
        assertThat(later.headers().firstValue("Location")).isNotEqualTo(first.headers().firstValue("Location"));

        assertThat(rows(key)).isEqualTo(1);
        clock.moveOn(Duration.ofHours(24));
        assertThat(purge.purgeNow()).isPositive();
        assertThat(rows(key)).isZero();
    }

    @Test
    void aKeyHeldPastTheInFlightTimeoutIsTakenOverAndTheLateAnswerIsNotKept() throws Exception {
        String key = UUID.randomUUID().toString();
        CountDownLatch running = hold();
        CompletableFuture<HttpResponse<String>> stuck = postLater(key, "{\"name\":\"bench\"}");
        assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();

        clock.moveOn(Duration.ofSeconds(61));
        HttpResponse<String> retry = post(key, "{\"name\":\"bench\"}");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue(IdempotencyKey.REPLAYED_HEADER)).isEmpty();
        assertThat(json.readTree(retry.body()).get("id").asText())
                .as("the same id derived for both runs").isEqualTo(json.readTree(post(key, "{\"name\":\"bench\"}").body()).get("id").asText());

        probe.release.countDown();
        assertThat(stuck.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        HttpResponse<String> replay = post(key, "{\"name\":\"bench\"}");
        assertThat(replay.body()).as("the retry's answer is the one kept").isEqualTo(retry.body());
    }

    @Test
    void aMalformedKeyIs400NamingTheHeader() throws Exception {
        int runs = probe.runs.get();
        for (String key : new String[]{"", "x".repeat(256), "a b"}) {
            HttpResponse<String> response = post(key, "{\"name\":\"bench\"}");
            assertThat(response.statusCode()).as("'" + key + "'").isEqualTo(400);
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("type").asText()).isEqualTo(ProblemDetailsAdvice.TYPE_BASE + "invalid-idempotency-key");
            assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        }
        // Java's client sends '?' for a character it cannot write in a header: the bytes go on a socket instead.
        String raw = rawPost("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), "{\"name\":\"bench\"}");
        assertThat(raw).startsWith("HTTP/1.1 400").contains("invalid-idempotency-key");
        HttpResponse<String> twice = send(request(PATH, "k1", partnerToken).header(IdempotencyKey.HEADER, "k2")
                .POST(body("{\"name\":\"bench\"}")).build());
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(post("x".repeat(255), "{\"name\":\"bench\"}").statusCode()).isEqualTo(201);
        assertThat(probe.runs.get()).isEqualTo(runs + 1);
    }

    @Test
    void theFirstAnswerIsReplayedByAnotherInstanceOnTheSameDatabase() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post(key, "{\"name\":\"bench\"}");
        // Arguments, as the service's settings would be given: they outrank the shared defaults.
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--governance.service-name=idempotency-probe", "--server.port=0",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password")));
        TestTokens.properties().forEach((k, v) -> args.add("--" + k + "=" + v));
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(App.class).run(args.toArray(String[]::new))) {
            int otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
            IdempotencyProbe.State otherProbe = other.getBean(IdempotencyProbe.State.class);
            HttpResponse<String> replay = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + otherPort + PATH))
                    .header("Authorization", "Bearer " + partnerToken).header("Content-Type", "application/json")
                    .header(IdempotencyKey.HEADER, key).POST(body("{\"name\":\"bench\"}")).build());
            assertThat(replay.statusCode()).isEqualTo(201);
            assertThat(replay.headers().firstValue(IdempotencyKey.REPLAYED_HEADER)).hasValue("true");
            assertThat(replay.body()).isEqualTo(first.body());
            assertThat(otherProbe.runs.get()).isZero();
        }
    }

    @Test
    void otherMethodsAndRequestsWithoutAKeyAreLeftAlone() throws Exception {
        int runs = probe.runs.get();
        HttpResponse<String> a = send(request(PATH, null, partnerToken).POST(body("{\"name\":\"bench\"}")).build());
        HttpResponse<String> b = send(request(PATH, null, partnerToken).POST(body("{\"name\":\"bench\"}")).build());
        assertThat(a.statusCode()).isEqualTo(201);
        assertThat(b.headers().firstValue(IdempotencyKey.REPLAYED_HEADER)).isEmpty();
        assertThat(probe.runs.get()).isEqualTo(runs + 2);
        HttpResponse<String> put = send(request(PATH, "", partnerToken).PUT(body("{}")).build());
        assertThat(put.statusCode()).as("a malformed key on a PUT is not looked at").isNotEqualTo(400);
    }

    @Test
    void withoutItsStoreAKeyedRequestIsNotRunAndAnswers503() throws Exception {
        int runs = probe.runs.get();
        jdbc.execute("ALTER TABLE idempotency_record RENAME TO idempotency_record_away");
        HttpResponse<String> response;
        try {
            response = post(UUID.randomUUID().toString(), "{\"name\":\"bench\"}");
        } finally {
            jdbc.execute("ALTER TABLE idempotency_record_away RENAME TO idempotency_record");
        }
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(probe.runs.get()).isEqualTo(runs);
    }

    private CountDownLatch hold() {
        CountDownLatch running = new CountDownLatch(1);
        probe.release = new CountDownLatch(1);
        probe.holdNext.set(running);
        return running;
    }

    private long rows(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?", Long.class, key);
    }

    private double count(String outcome) {
        return meters.get(IdempotencyMetrics.METER).tag("outcome", outcome).counter().count();
    }

    private HttpResponse<String> post(String key, String body) throws IOException, InterruptedException {
        return send(request(PATH, key, partnerToken).POST(body(body)).build());
    }

    private CompletableFuture<HttpResponse<String>> postLater(String key, String body) {
        return client.sendAsync(request(PATH, key, partnerToken).POST(body(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String key, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        return key == null ? builder : builder.header(IdempotencyKey.HEADER, key);
    }

    private static HttpRequest.BodyPublisher body(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    /** A POST written byte for byte (with the key's bytes as given); the answer as text. */
    private String rawPost(byte[] key, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer " + partnerToken
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\nIdempotency-Key: ")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(key);
            out.write(("\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
