package cn.changning.governance.benchmarks.scenarios;

import cn.changning.governance.benchmarks.core.ClosedLoopLoad;
import cn.changning.governance.benchmarks.core.Latency;
import cn.changning.governance.benchmarks.core.Report;
import cn.changning.governance.benchmarks.core.ScenarioResult;
import cn.changning.governance.benchmarks.support.Engines;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 1: what the engines themselves sustain on this machine, in this run, with nothing of
 * the platform in the way. Every goal is a ratio to one of these.
 *
 * <ul>
 *   <li>PostgreSQL: single-row autocommit inserts of an event-sized row (the event table's own
 *       shape and indexes, 500 B payload), durable (fsync, synchronous commit), 1 and 4 threads.</li>
 *   <li>Kafka producer: 500 B records, {@code acks=all}, idempotent, with the services' publisher
 *       settings (linger 2 ms, 128 KiB batches, lz4) and JSON-like values, async send loop.</li>
 *   <li>Kafka consumer: the producer's records read back from offset 0, no processing.</li>
 *   <li>Mongo wire server: ordered bulk upserts by {@code _id} of 1,000 case-sized documents each.</li>
 * </ul>
 */
public final class RawLimits {

    public static final String GROUP = "1 raw limits";
    public static final String PG_1 = "postgres durable inserts, 1 thread";
    public static final String PG_4 = "postgres durable inserts, 4 threads";
    public static final String KAFKA_PRODUCER = "kafka producer acks=all idempotent";
    public static final String KAFKA_CONSUMER = "kafka consumer";
    public static final String MONGO = "mongo wire server bulk upserts";

    private static final String DATABASE = "bench_raw";
    private static final String TOPIC = "bench.raw";
    private static final byte[] PAYLOAD = eventSizedJson();

    private final Engines engines;
    private final Duration phase;

    public RawLimits(Engines engines, Duration phase) {
        this.engines = engines;
        this.phase = phase;
    }

    public void run(Report report) {
        guarded(report, PG_1, () -> postgres(report, PG_1, 1));
        guarded(report, PG_4, () -> postgres(report, PG_4, 4));
        guarded(report, KAFKA_PRODUCER, () -> kafka(report));
        guarded(report, MONGO, () -> mongo(report));
    }

    private static void guarded(Report report, String name, Runnable scenario) {
        try {
            scenario.run();
        } catch (RuntimeException e) {
            report.add(new ScenarioResult(GROUP, name).failed(e));
        }
    }

    // ---- PostgreSQL

    private void postgres(Report report, String name, int threads) {
        engines.ensureDatabase(DATABASE);
        String url = engines.jdbcUrl(DATABASE);
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS raw_event");
            // The event table's shape: the same columns and the same three unique indexes.
            s.execute("CREATE TABLE raw_event (global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE,"
                    + " aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, type VARCHAR(255),"
                    + " time_stamp VARCHAR(255) NOT NULL, payload_type VARCHAR(255) NOT NULL, payload_revision VARCHAR(255),"
                    + " payload BYTEA NOT NULL, meta_data BYTEA, UNIQUE (aggregate_identifier, sequence_number))");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> statements = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Connection c = connect(url);
                connections.add(c);
                statements.add(c.prepareStatement("INSERT INTO raw_event (event_identifier, aggregate_identifier, sequence_number,"
                        + " type, time_stamp, payload_type, payload, meta_data) VALUES (?, ?, 0, 'Case', ?, "
                        + "'cn.changning.governance.contracts.cases.CaseReported', ?, ?)"));
            }
            byte[] meta = "{\"traceId\":\"00000000-0000-0000-0000-000000000000\",\"correlationId\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            ClosedLoopLoad.Outcome o = ClosedLoopLoad.run("insert", threads, Duration.ofSeconds(1), phase, client -> {
                PreparedStatement p = statements.get(client);
                String id = UUID.randomUUID().toString();
                p.setString(1, id);
                p.setString(2, id);
                p.setString(3, Instant.now().toString());
                p.setBytes(4, PAYLOAD);
                p.setBytes(5, meta);
                return p.executeUpdate() == 1;
            });
            report.add(new ScenarioResult(GROUP, name)
                    .load(threads + " thread(s), autocommit single-row INSERT, " + PAYLOAD.length + " B payload, fsync on")
                    .timing(1, phase.toSeconds())
                    .figure("rowsPerSecond", o.throughput())
                    .figure("rows", o.completed())
                    .figure("errors", o.errors())
                    .latency(o.latency()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            connections.forEach(RawLimits::closeQuietly);
        }
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, engines.username(), engines.password());
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing after the measurement; nothing to do
        }
    }

    // ---- Kafka

    private void kafka(Report report) {
        engines.createTopics(List.of(TOPIC), 3);
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.BATCH_SIZE_CONFIG, 131072,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long sent = 0;
        long start;
        long end;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            // warm-up: connections, metadata, JIT
            for (int i = 0; i < 20_000; i++) {
                producer.send(new ProducerRecord<>(TOPIC, key(i), PAYLOAD));
            }
            producer.flush();
            start = System.nanoTime();
            long until = start + phase.toNanos();
            while (System.nanoTime() < until) {
                for (int i = 0; i < 1000; i++, sent++) {
                    producer.send(new ProducerRecord<>(TOPIC, key(sent), PAYLOAD), (m, e) -> (e == null ? acked : failed).incrementAndGet());
                }
            }
            producer.flush();
            end = System.nanoTime();
        }
        double seconds = (end - start) / 1e9;
        report.add(new ScenarioResult(GROUP, KAFKA_PRODUCER)
                .load("1 producer, async send loop, " + PAYLOAD.length + " B values, 3 partitions, linger 2 ms, 128 KiB batches, lz4")
                .timing(0, seconds)
                .figure("recordsPerSecond", acked.get() / seconds)
                .figure("records", acked.get())
                .figure("megabytesPerSecond", acked.get() * (double) PAYLOAD.length / seconds / 1e6)
                .figure("errors", failed.get())
                .note("warm-up: 20,000 records sent and flushed before the clock starts"));
        consume(report, 20_000 + sent);
    }

    private void consume(Report report, long expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.bootstrapServers(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(TOPIC)) {
                partitions.add(new TopicPartition(TOPIC, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long count = 0;
            long bytes = 0;
            long start = System.nanoTime();
            long deadline = start + Duration.ofMinutes(3).toNanos();
            while (count < expected && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (var r : records) {
                    count++;
                    bytes += r.value().length;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report.add(new ScenarioResult(GROUP, KAFKA_CONSUMER)
                    .load("1 consumer, 3 partitions from offset 0, max.poll.records 2000, no processing")
                    .timing(0, seconds)
                    .figure("recordsPerSecond", count / seconds)
                    .figure("records", count)
                    .figure("megabytesPerSecond", bytes / seconds / 1e6));
        }
    }

    private static byte[] key(long i) {
        return ("raw-" + (i % 100_000)).getBytes(StandardCharsets.UTF_8);
    }

    // ---- Mongo wire server

    private void mongo(Report report) {
        try (MongoClient client = MongoClients.create(engines.mongoUri())) {
            MongoCollection<Document> docs = client.getDatabase(DATABASE).getCollection("raw_cases");
            docs.drop();
            Latency perBatch = new Latency("bulk write of 1,000");
            long written = 0;
            int batch = 1000;
            long n = 0;
            // warm-up batches, then the clock
            for (int w = 0; w < 3; w++) {
                docs.bulkWrite(upserts(n, batch), new BulkWriteOptions().ordered(true));
                n += batch;
            }
            long start = System.nanoTime();
            long until = start + phase.toNanos();
            while (System.nanoTime() < until || written < 5 * batch) {
                long t0 = System.nanoTime();
                docs.bulkWrite(upserts(n, batch), new BulkWriteOptions().ordered(true));
                perBatch.recordNanos(System.nanoTime() - t0);
                n += batch;
                written += batch;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report.add(new ScenarioResult(GROUP, MONGO)
                    .load("1 client, ordered bulkWrite of 1,000 upserts by _id, ~" + caseDocument(0).toJson().length()
                            + " B documents (a case read model with a timeline entry)")
                    .timing(0, seconds)
                    .figure("documentsPerSecond", written / seconds)
                    .figure("documents", written)
                    .latency(perBatch)
                    .note("the stack's Mongo wire server keeps documents in an H2 MVStore and commits after every write command"));
        }
    }

    private static List<WriteModel<Document>> upserts(long from, int count) {
        List<WriteModel<Document>> writes = new ArrayList<>(count);
        for (long i = from; i < from + count; i++) {
            Document d = caseDocument(i);
            Object id = d.remove("_id");
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id), new Document("$set", d), new UpdateOptions().upsert(true)));
        }
        return writes;
    }

    /** About the size of a case document after a few events. */
    static Document caseDocument(long i) {
        Date now = new Date();
        return new Document("_id", "raw-case-" + i)
                .append("step", "FILED").append("open", true).append("suspended", false)
                .append("itemCode", "1101").append("itemName", "Exposed rubbish").append("itemClass", "EVENT")
                .append("category", "city appearance").append("handlingType", "A").append("persistentProblem", false)
                .append("location", new Document("latitude", 31.212).append("longitude", 121.4075)
                        .append("gridCode", "310105006000002").append("address", "Tianshan Road bus stop " + i))
                .append("gridCode", "310105006000002").append("streetCode", "310105006")
                .append("description", "Rubbish bags piled at the bus stop, reported by a resident on the hotline " + i)
                .append("source", "RESIDENT").append("reportedAt", now).append("filedAt", now).append("deadline", now)
                .append("timeline", List.of(
                        new Document("sequence", 0).append("event", "CaseReported").append("at", now).append("by", "Li"),
                        new Document("sequence", 1).append("event", "CaseFiled").append("at", now).append("by", "operator-1")))
                .append("updatedAt", now).append("version", 1L);
    }

    /** A CaseReported event's JSON, padded to 500 B. */
    static byte[] eventSizedJson() {
        String base = "{\"caseId\":\"00000000-0000-0000-0000-000000000000\",\"itemCode\":\"1101\",\"location\":{\"latitude\":31.212,"
                + "\"longitude\":121.4075,\"gridCode\":\"310105006000002\",\"address\":\"Tianshan Road bus stop\"},"
                + "\"source\":\"RESIDENT\",\"reporter\":{\"name\":\"Li\",\"contact\":\"138\"},\"reportedAt\":\"2026-01-01T00:00:00Z\","
                + "\"description\":\"";
        StringBuilder b = new StringBuilder(base);
        while (b.length() < 498) {
            b.append("rubbish bags piled at the bus stop ");
        }
        b.setLength(498);
        return b.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
