package cn.changning.governance.benchmarks.scenarios;

import cn.changning.governance.benchmarks.core.Latency;
import cn.changning.governance.benchmarks.core.Report;
import cn.changning.governance.benchmarks.core.ScenarioResult;
import cn.changning.governance.benchmarks.support.CaseEventLog;
import cn.changning.governance.cases.projection.CaseChanges;
import cn.changning.governance.cases.projection.CaseDocument;
import cn.changning.governance.cases.projection.CaseMetrics;
import cn.changning.governance.cases.projection.CaseProjection;
import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.benchmarks.support.Engines;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.geography.Geography;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario 6: rebuild the case read model from offset 0. A case event log of the requested size
 * (whole six-event loops, see {@link CaseEventLog}) is written to a topic of its own, then the
 * case service's own projection ({@link CaseProjection} behind {@link EventBatchHandler}, the
 * classes its listener container runs, batches of up to 1,000 records as configured there)
 * rebuilds an empty database from it.
 *
 * <p>Why a topic and a database of its own: replaying the live topic would also feed every other
 * service's consumers of it, and rebuilding the live read model would take it away from the
 * queries of the other scenarios. The rebuild is bounded in time; if the cap is reached, the rate
 * over the events replayed so far is reported and the report says so.</p>
 */
public final class ReplayScenario {

    public static final String GROUP = "6 replay";
    public static final String NAME = "case read model from offset 0";
    private static final String TOPIC = "bench.replay.case-events";
    private static final String DATABASE = "case_service_replay";

    private final Engines engines;
    private final long events;
    private final Duration timeCap;

    public ReplayScenario(Engines engines, long events, Duration timeCap) {
        this.engines = engines;
        this.events = events;
        this.timeCap = timeCap;
    }

    public void run(Report report) {
        engines.createTopics(List.of(TOPIC), 3);
        long seedStart = System.nanoTime();
        long written = new CaseEventLog().write(engines.bootstrapServers(), TOPIC, events);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        Latency perBatch = new Latency("projection batch (up to 1,000 events)");
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.bootstrapServers(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (MongoClient mongo = MongoClients.create(engines.mongoUri());
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            mongo.getDatabase(DATABASE).drop();
            MongoTemplate template = new MongoTemplate(mongo, DATABASE);
            CaseProjection projection = new CaseProjection(template, VersionedDocuments.forServer(template.getDb()), CaseEventLog.MAPPER,
                    new CaseChanges(Catalogue.load(), Geography.load()), new CaseMetrics(new SimpleMeterRegistry(), List.of()));
            EventBatchHandler handler = new EventBatchHandler("case-projection-replay", projection, new SimpleMeterRegistry());

            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(TOPIC)) {
                partitions.add(new TopicPartition(TOPIC, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long replayed = 0;
            long start = System.nanoTime();
            long deadline = start + timeCap.toNanos();
            while (replayed < written && System.nanoTime() < deadline) {
                List<EventRecord> batch = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    batch.add(EventRecord.of(r));
                }
                if (batch.isEmpty()) {
                    continue;
                }
                long t0 = System.nanoTime();
                handler.process(batch);
                perBatch.recordNanos(System.nanoTime() - t0);
                replayed += batch.size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // The collection's size, not a scan: on the wire server's H2 store a scan that outlasts its
            // 45 s chunk retention while writes go on can fail ("Unable to read the page").
            long documents = mongo.getDatabase(DATABASE).getCollection(CaseDocument.COLLECTION).estimatedDocumentCount();
            ScenarioResult result = new ScenarioResult(GROUP, NAME)
                    .load(String.format("%,d events (%,d cases × 6) on a 3-partition topic, replayed by the case projection into an empty database",
                            written, written / CaseEventLog.EVENTS_PER_CASE))
                    .timing(0, seconds)
                    .figure("eventsPerSecond", replayed / seconds)
                    .figure("eventsReplayed", replayed)
                    .figure("eventsInLog", written)
                    .figure("caseDocuments", documents)
                    .figure("logWriteSeconds", seedSeconds)
                    .latency(perBatch);
            if (replayed < written) {
                result.note(String.format("time cap of %d s reached after %,d of %,d events; the rate is over those",
                        timeCap.toSeconds(), replayed, written));
            }
            report.add(result);
        }
    }
}
