package cn.changning.governance.benchmarks.instances;

import cn.changning.governance.contracts.EventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Reads a topic's records as {@link TopicEvent}s, without a consumer group (nothing is committed). */
public final class TopicEvents {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private TopicEvents() {
    }

    /** Every record of the topic, from the beginning to its end now. */
    public static List<TopicEvent> readAll(String bootstrapServers, String topic) {
        return readFrom(bootstrapServers, topic, Map.of());
    }

    /** Each partition's end offset now (where the next record will go), to read from later. */
    public static Map<TopicPartition, Long> endOffsets(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            return new HashMap<>(consumer.endOffsets(partitions(consumer, topic)));
        }
    }

    /** How many partitions the topic has. */
    public static int partitionCount(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            return partitions(consumer, topic).size();
        }
    }

    /**
     * The records from the given offsets (a partition not named: from its beginning) to the topic's end now.
     *
     * @param from e.g. {@link #endOffsets} taken before a load, so only what the load and after it published is read
     */
    public static List<TopicEvent> readFrom(String bootstrapServers, String topic, Map<TopicPartition, Long> from) {
        List<TopicEvent> events = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            from.forEach((tp, offset) -> {
                if (partitions.contains(tp)) {
                    consumer.seek(tp, offset);
                }
            });
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + " could not be read to its end within " + READ_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        events.add(new TopicEvent(header(r, EventHeaders.ID), header(r, EventHeaders.TYPE),
                                r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        return events;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
