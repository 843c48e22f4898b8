package cn.changning.governance.cases.support;

import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.common.testing.TestCallers;
import cn.changning.governance.common.testing.TestClock;
import cn.changning.governance.contracts.EventHeaders;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.axonframework.config.ConfigurerModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The case service on the shared embedded PostgreSQL, Kafka and Mongo. Every integration test
 * extends this class so they all run in one cached Spring context: two live contexts would share
 * the projection's consumer group and split the topic's partitions between two databases.
 * Tracing is on as in production (Boot's tests turn it off, and with it the propagation of incoming
 * trace context), so that one context serves the tracing test too; metrics export stays off.
 */
@AutoConfigureObservability(metrics = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=case-service",
                // Open311 partners with their published development keys (dev-open311-<clientId>)
                "governance.open311.development-keys=true",
                "governance.open311.api-keys[0].client-id=partner-hotline-12345",
                "governance.open311.api-keys[1].client-id=partner-city-platform"})
@Import(CaseServiceIntegrationTest.TestHands.class)
public abstract class CaseServiceIntegrationTest {

    /**
     * What a test may steer in the one context: the service's clock (the system's unless a test moves it on; it is
     * set back after each test) and the reports being handled ({@link HeldReports}).
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestHands {
        @Bean
        TestClock clock() {
            return new TestClock();
        }

        @Bean
        HeldReports heldReports() {
            return new HeldReports();
        }

        @Bean
        ConfigurerModule heldReportsOnTheCommandBus(HeldReports held) {
            return configurer -> configurer.onInitialize(config -> config.onStart(() ->
                    config.commandBus().registerHandlerInterceptor(held)));
        }
    }

    private static KafkaProducer<byte[], byte[]> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry, "case_service");
        SharedInfrastructure.registerTokens(registry);
        // The dispatch service creates its topic; here it must exist before the policy subscribes.
        SharedInfrastructure.get().kafka().createTopics(List.of(Topics.DISPATCH_EVENTS), 3);
    }

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected ObjectMapper objectMapper;
    @Autowired
    protected TestClock clock;
    @Autowired
    protected HeldReports heldReports;

    /** The partner the tests report as. */
    protected static final TestCallers PARTNER = TestCallers.partner("partner-hotline-12345");
    /** Reads everything. */
    protected static final TestCallers DISTRICT = TestCallers.district();
    protected static final String DEFAULT_STREET = "310105001";

    /**
     * Every call carries the token of the caller who would make it: a report is the partner's, an action on a case
     * its street centre's, everything else the district centre's (who reads all). A test that means another caller
     * sets the Authorization header itself.
     */
    @BeforeEach
    void callAsTheRightCaller() {
        List<ClientHttpRequestInterceptor> interceptors = http.getRestTemplate().getInterceptors();
        if (interceptors.stream().noneMatch(RightCaller.class::isInstance)) {
            interceptors.add(new RightCaller());
        }
    }

    private final class RightCaller implements ClientHttpRequestInterceptor {
        @Override
        public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
            if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().setBearerAuth(callerFor(request.getMethod(), request.getURI().getPath()).token());
            }
            return execution.execute(request, body);
        }
    }

    /** The caller that makes such a call: see {@link #callAsTheRightCaller()}. */
    protected TestCallers callerFor(HttpMethod method, String path) {
        if (method == HttpMethod.POST && path.equals("/api/v1/cases")) {
            return PARTNER;
        }
        if (method == HttpMethod.POST && path.startsWith("/api/v1/cases/")) {
            return TestCallers.street(streetOf(path.split("/")[4]));
        }
        return DISTRICT;
    }

    /** The street a case lies in, as the district centre reads it; the default street for a case not known. */
    protected String streetOf(String caseId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(DISTRICT.token());
        ResponseEntity<String> r = http.exchange("/api/v1/cases/" + caseId, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        if (r.getStatusCode() != HttpStatus.OK) {
            return DEFAULT_STREET;
        }
        String street = json(r).path("streetCode").asText(null);
        return street == null || street.isBlank() ? DEFAULT_STREET : street;
    }

    @AfterEach
    void setTheClockBack() {
        clock.reset();
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    protected static String reportBody(String itemCode, double lat, double lng, String description) {
        return """
                {"itemCode":"%s","location":{"latitude":%s,"longitude":%s,"address":"Test Rd 1"},
                 "description":"%s","source":"GRID_SUPERVISOR_PATROL"}
                """.formatted(itemCode, lat, lng, description);
    }

    /** Reports a case and waits until the read model shows it; returns its id. */
    protected String report(String body) {
        ResponseEntity<String> created = send(HttpMethod.POST, "/api/v1/cases", body, null);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String location = created.getHeaders().getLocation().toString();
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        awaitCase(caseId, c -> c.get("version").asLong() >= 0);
        return caseId;
    }

    protected ResponseEntity<String> action(String caseId, String action, String body, String ifMatch) {
        return send(HttpMethod.POST, "/api/v1/cases/" + caseId + "/" + action, body, ifMatch);
    }

    protected ResponseEntity<String> send(HttpMethod method, String path, String body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    protected JsonNode get(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return json(response);
    }

    /** Waits until the read model's case satisfies the condition (the projection is asynchronous). */
    protected JsonNode awaitCase(String caseId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            ResponseEntity<String> r = http.getForEntity("/api/v1/cases/" + caseId, String.class);
            return r.getStatusCode() == HttpStatus.OK ? json(r) : null;
        }, c -> c != null && condition.test(c));
    }

    protected JsonNode awaitStep(String caseId, String step, long version) {
        return awaitCase(caseId, c -> c.get("step").asText().equals(step) && c.get("version").asLong() == version);
    }

    protected JsonNode json(ResponseEntity<String> response) {
        try {
            return objectMapper.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Publishes a dispatch event as the dispatch service's publisher writes it: key = the order id,
     * JSON value, CloudEvents binary-mode headers and the aggregate sequence number.
     */
    protected void publishDispatchEvent(String orderId, long sequence, Object event) {
        publishDispatchEvent(UUID.randomUUID().toString(), orderId, sequence, event);
    }

    protected void publishDispatchEvent(String eventId, String orderId, long sequence, Object event) {
        try {
            publishRecord(Topics.DISPATCH_EVENTS, eventId, orderId, sequence, EventTypes.cloudEventType(event.getClass()),
                    objectMapper.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + event, e);
        }
    }

    /** Publishes a record with the publisher's headers and whatever type and body it is given, as an outside producer could. */
    protected void publishRecord(String topic, String eventId, String key, long sequence, String cloudEventType, byte[] body) {
        RecordHeaders headers = new RecordHeaders();
        Map.of(EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_VALUE,
                        EventHeaders.ID, eventId,
                        EventHeaders.TYPE, cloudEventType,
                        EventHeaders.SOURCE, "/changning/test",
                        EventHeaders.SUBJECT, key,
                        EventHeaders.TIME, Instant.now().toString(),
                        EventHeaders.SEQUENCE, Long.toString(sequence),
                        EventHeaders.CONTENT_TYPE, "application/json")
                .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(new ProducerRecord<>(topic, null, key.getBytes(StandardCharsets.UTF_8), body, headers)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    private static synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }
}
