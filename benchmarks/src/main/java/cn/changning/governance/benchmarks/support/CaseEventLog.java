package cn.changning.governance.benchmarks.support;

import cn.changning.governance.contracts.EventHeaders;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.cases.CaseClosed;
import cn.changning.governance.contracts.cases.CaseDispatched;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseHandled;
import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.CaseReported;
import cn.changning.governance.contracts.cases.CaseResolution;
import cn.changning.governance.contracts.cases.CaseVerified;
import cn.changning.governance.contracts.cases.ReportSource;
import cn.changning.governance.contracts.cases.SealedReporter;
import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Grid;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a case event log to a Kafka topic exactly as the case service's publisher does (JSON
 * value, key = case id, CloudEvents headers with the sequence): whole closed loops, six events
 * per case (reported, filed, dispatched, handled, verified, closed), cases spread over every
 * grid of the district as they would be.
 */
public final class CaseEventLog {

    /** A sealed reporter's size (version, nonce, a short name and the tag, base64): the services seal reporters. */
    private static final String SEALED_NAME = "AXNhbXBsZW5vbmNlMTLmnY7vv73vv73vv73vv70=";

    /** The services' JSON conventions: ISO-8601 instants, unknown properties ignored. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    public static final int EVENTS_PER_CASE = 6;

    private final List<Grid> grids = Geography.load().grids();

    /** Produces at least {@code events} events (whole cases); returns how many. */
    public long write(String bootstrapServers, String topic, long events) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 262144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long cases = (events + EVENTS_PER_CASE - 1) / EVENTS_PER_CASE;
        Instant start = Instant.now().minus(Duration.ofDays(30));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < cases; i++) {
                String caseId = new UUID(0x7e7e7e7e_00000000L | (i >>> 32), 0x8000_0000_0000_0000L | i).toString();
                Grid grid = grids.get((int) (i % grids.size()));
                Instant t = start.plusSeconds(i % 2_000_000);
                String order = caseId + "-r0";
                Object[] lifecycle = {
                        new CaseReported(caseId, "1101", new CaseLocation(31.212, 121.4075, grid.code(), "Bus stop " + i),
                                "Rubbish bags piled at the bus stop " + i, ReportSource.RESIDENT, new SealedReporter(new SealedValue("case-reporter:" + caseId, SEALED_NAME), null), t),
                        new CaseFiled(caseId, "1101", "EVENT", "A", false, grid.code(), grid.subdistrictCode(),
                                t.plus(Duration.ofDays(2)), "operator-1", t.plusSeconds(60)),
                        new CaseDispatched(caseId, order, 0, "greening-office", List.of(), t.plusSeconds(120)),
                        new CaseHandled(caseId, order, 0, "greening-office", "RESOLVED", true, t.plusSeconds(3600)),
                        new CaseVerified(caseId, 0, true, "checked", "supervisor-1", t.plusSeconds(7200)),
                        new CaseClosed(caseId, CaseResolution.FIXED, "fixed", 0, true, "operator-1", t.plusSeconds(7300))};
                for (int seq = 0; seq < lifecycle.length; seq++) {
                    producer.send(record(topic, caseId, seq, lifecycle[seq], t.plusSeconds(seq)));
                }
            }
            producer.flush();
        }
        return cases * EVENTS_PER_CASE;
    }

    static ProducerRecord<byte[], byte[]> record(String topic, String caseId, long sequence, Object event, Instant time) {
        RecordHeaders h = new RecordHeaders();
        header(h, EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_VALUE);
        header(h, EventHeaders.ID, UUID.randomUUID().toString());
        header(h, EventHeaders.TYPE, EventTypes.cloudEventType(event.getClass()));
        header(h, EventHeaders.SOURCE, "/changning/case-service");
        header(h, EventHeaders.SUBJECT, caseId);
        header(h, EventHeaders.TIME, time.toString());
        header(h, EventHeaders.SEQUENCE, Long.toString(sequence));
        header(h, EventHeaders.CONTENT_TYPE, "application/json");
        header(h, EventHeaders.DATA_SCHEMA, EventTypes.schemaPath(event.getClass()));
        try {
            return new ProducerRecord<>(topic, null, time.toEpochMilli(), caseId.getBytes(StandardCharsets.UTF_8),
                    MAPPER.writeValueAsBytes(event), h);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
