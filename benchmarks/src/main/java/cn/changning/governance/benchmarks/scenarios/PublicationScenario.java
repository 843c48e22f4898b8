package cn.changning.governance.benchmarks.scenarios;

import cn.changning.governance.benchmarks.core.Latency;
import cn.changning.governance.benchmarks.core.Report;
import cn.changning.governance.benchmarks.core.ScenarioResult;
import cn.changning.governance.benchmarks.support.EventStoreSeeder;
import cn.changning.governance.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario 3: a burst of events lands in the case service's event store at once (one COPY
 * transaction of new cases' {@code CaseReported}, see {@link EventStoreSeeder}); the service's own
 * publisher (Axon tracking processor, batches of up to 500, acks=all) carries them to Kafka. A consumer
 * of the benchmark, positioned at the topic's end before the burst, notes when each arrives.
 *
 * <p>Throughput = burst size / (last arrival − commit). Publication lag of an event = its arrival
 * − the commit: the backlog's drain as the publisher sees it (it includes a few ms of the
 * benchmark consumer's own fetch wait).</p>
 */
public final class PublicationScenario {

    public static final String GROUP = "3 publication";
    public static final String NAME = "burst from the event store to Kafka";
    private static final String ID_PREFIX = "b0b0b0b0";

    private final EventStoreSeeder store;
    private final String bootstrapServers;
    private final int events;

    public PublicationScenario(EventStoreSeeder store, String bootstrapServers, int events) {
        this.store = store;
        this.bootstrapServers = bootstrapServers;
        this.events = events;
    }

    public void run(Report report, EventStoreSeeder.Template template) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Latency lag = new Latency("commit to on Kafka");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(Topics.CASE_EVENTS)) {
                partitions.add(new TopicPartition(Topics.CASE_EVENTS, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before the burst

            long copyStart = System.nanoTime();
            store.copy(template, ID_PREFIX, events, null, Instant.now());
            long committed = System.nanoTime();

            long seen = 0;
            long last = committed;
            long deadline = committed + Duration.ofMinutes(5).toNanos();
            while (seen < events && System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(100))) {
                    if (r.key() != null && new String(r.key(), StandardCharsets.UTF_8).startsWith(ID_PREFIX)) {
                        last = System.nanoTime();
                        lag.recordNanos(last - committed);
                        seen++;
                    }
                }
            }
            double seconds = (last - committed) / 1e9;
            ScenarioResult result = new ScenarioResult(GROUP, NAME)
                    .load(String.format("%,d CaseReported events committed in one transaction (COPY, %.1f s), published by the case service's publisher", events,
                            (committed - copyStart) / 1e9))
                    .timing(0, seconds)
                    .figure("eventsPerSecond", seen / seconds)
                    .figure("events", seen)
                    .figure("lagP50Ms", lag.percentileMs(50))
                    .figure("lagP99Ms", lag.percentileMs(99))
                    .latency(lag);
            if (seen < events) {
                result.note("only " + seen + " of " + events + " events reached Kafka within 5 minutes");
            }
            report.add(result);
        }
    }
}
