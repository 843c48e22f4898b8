package cn.changning.governance.cases.tracing;

import cn.changning.governance.cases.policy.DispatchPolicy;
import cn.changning.governance.cases.support.CaseServiceIntegrationTest;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.common.tracing.RequestCorrelationFilter;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One partner call followed to the Kafka record: a report sent with a {@code traceparent} and an
 * {@code X-Request-Id} (as the gateway forwards it) gives a {@code CaseReported} whose metadata in the
 * event store, and whose record on the case topic ({@code ce_traceparent}, {@code ce_requestid}), name
 * that trace and request; the request's log line shows both. The call is made with the JDK's client,
 * which adds no trace headers of its own.
 */
class RequestTracingIntegrationTest extends CaseServiceIntegrationTest {

    /** Xinhua Road grid 3. */
    static final double LAT = 31.1955;
    static final double LNG = 121.4365;
    static final SecureRandom RANDOM = new SecureRandom();
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    EventStore eventStore;
    @Autowired
    DispatchPolicy dispatchPolicy;
    @Autowired
    Environment environment;

    @Test
    void aReportsTraceAndRequestIdReachTheStoredEventTheKafkaRecordAndTheLog() throws Exception {
        String traceId = hex(16);
        String callerSpan = hex(8);
        String requestId = "it-" + UUID.randomUUID();
        Logger logger = (Logger) LoggerFactory.getLogger(RequestCorrelationFilter.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        HttpResponse<String> created;
        ILoggingEvent line;
        try {
            created = post("/api/v1/cases", reportBody("0101", LAT, LNG, "Cover missing"),
                    Map.of("traceparent", "00-" + traceId + "-" + callerSpan + "-01", "X-Request-Id", requestId));
            // The line is written once the answer has gone out, so it may come just after it.
            line = await().atMost(Duration.ofSeconds(10)).until(() -> List.copyOf(appender.list).stream()
                    .filter(e -> requestId.equals(e.getMDCPropertyMap().get("requestId"))).findFirst().orElse(null),
                    e -> e != null);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }

        assertThat(created.statusCode()).as(created.body()).isEqualTo(HttpStatus.CREATED.value());
        assertThat(created.headers().allValues("X-Request-Id")).containsExactly(requestId);
        assertThat(created.headers().firstValue("traceresponse")).hasValueSatisfying(t -> assertThat(t).startsWith("00-" + traceId + "-"));
        String location = created.headers().firstValue("Location").orElseThrow();
        String caseId = location.substring(location.lastIndexOf('/') + 1);

        // The event store: CaseReported carries the call's trace (the service's span as parent) and request id.
        DomainEventMessage<?> reported = storedEvents(caseId).get(0);
        assertThat(reported.getPayloadType().getSimpleName()).isEqualTo("CaseReported");
        String traceparent = (String) reported.getMetaData().get("traceparent");
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain(callerSpan);
        assertThat(reported.getMetaData()).containsEntry("requestId", requestId);

        // The Kafka record: the same values as CloudEvents extension headers.
        ConsumerRecord<byte[], byte[]> record = recordOf(caseId, reported.getIdentifier());
        assertThat(header(record, "ce_traceparent")).isEqualTo(traceparent);
        assertThat(header(record, "ce_requestid")).isEqualTo(requestId);

        // The log line of the request, in the services' console pattern.
        assertThat(line.getMDCPropertyMap()).containsEntry("traceId", traceId);
        String spanId = line.getMDCPropertyMap().get("spanId");
        assertThat(traceparent).as("the command was sent in the request's span").contains("-" + spanId + "-");
        assertThat(render(line)).isEqualTo("[" + traceId + "," + spanId + "," + requestId + "] POST /api/v1/cases answered 201");
    }

    @Test
    void aDirectCallWithNeitherGetsNewOnes() throws Exception {
        HttpResponse<String> created = post("/api/v1/cases", reportBody("0101", LAT, LNG + 0.0002, "Cover cracked"), Map.of());

        assertThat(created.statusCode()).isEqualTo(HttpStatus.CREATED.value());
        String requestId = created.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(UUID.fromString(requestId).toString()).isEqualTo(requestId);
        String location = created.headers().firstValue("Location").orElseThrow();
        DomainEventMessage<?> reported = storedEvents(location.substring(location.lastIndexOf('/') + 1)).get(0);
        assertThat(reported.getMetaData()).containsEntry("requestId", requestId);
        assertThat((String) reported.getMetaData().get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void aPolicyContinuesTheTraceOfTheRecordItReactsTo() throws Exception {
        HttpResponse<String> created = post("/api/v1/cases", reportBody("0101", LAT, LNG + 0.0004, "Cover rattles"), Map.of());
        String location = created.headers().firstValue("Location").orElseThrow();
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        assertThat(post("/api/v1/cases/" + caseId + "/file", "{}", Map.of("If-Match", "\"0\"")).statusCode())
                .isEqualTo(HttpStatus.OK.value());
        String dispatchTrace = "00-" + hex(16) + "-" + hex(8) + "-01";
        DispatchOrderIssued issued = new DispatchOrderIssued("order-0-" + caseId, caseId, 0, "housing-office", List.of(),
                "310105004", Instant.now().plusSeconds(3600), Instant.now());

        // As the consumer hands it over: a dispatch record carrying the trace and request id of the call that caused it.
        dispatchPolicy.process(List.of(new EventRecord(UUID.randomUUID().toString(), EventTypes.cloudEventType(DispatchOrderIssued.class),
                "order-0-" + caseId, 0, Instant.now(), objectMapper.writeValueAsBytes(issued), Topics.DISPATCH_EVENTS, 0, 0,
                dispatchTrace, "dispatch-req-1")));

        DomainEventMessage<?> dispatched = storedEvents(caseId).stream()
                .filter(e -> e.getPayloadType().getSimpleName().equals("CaseDispatched")).findFirst().orElseThrow();
        assertThat(dispatched.getMetaData()).containsEntry("traceparent", dispatchTrace).containsEntry("requestId", "dispatch-req-1");
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + callerFor(org.springframework.http.HttpMethod.POST, path).token());
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<DomainEventMessage<?>> storedEvents(String caseId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(caseId);
        stream.forEachRemaining(events::add);
        return events;
    }

    /** Reads the case topic from the start until the event's record shows up (the publisher is asynchronous). */
    private static ConsumerRecord<byte[], byte[]> recordOf(String caseId, String eventId) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CASE_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (caseId.equals(new String(r.key(), StandardCharsets.UTF_8)) && eventId.equals(header(r, "ce_id"))) {
                        return r;
                    }
                }
                return null;
            }, r -> r != null);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The line as the console shows it: the services' correlation pattern, then the message. */
    private String render(ILoggingEvent event) {
        PatternLayout layout = new PatternLayout();
        layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        layout.setPattern(environment.getProperty("logging.pattern.correlation") + "%m");
        layout.start();
        return layout.doLayout(event);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
