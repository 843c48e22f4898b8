package cn.changning.governance.common.testing;

import cn.changning.governance.contracts.EventHeaders;
import cn.changning.governance.contracts.EventTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Test helper standing in for another service on the shared log: it writes events to a topic of the shared embedded
 * Kafka with the headers the common publisher writes (CloudEvents binary mode plus the aggregate sequence), so a
 * service's consumers can be tested without the service that owns the topic.
 */
public final class TopicRecords implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** One event as its owner would publish it: key = aggregate id, with its sequence number and event id. */
    public record Published(Object event, String aggregateId, long sequence, String eventId) {
    }

    private final String topic;
    private final String source;
    private final KafkaProducer<String, byte[]> producer;

    private TopicRecords(String topic, String source) {
        this.topic = topic;
        this.source = source;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** A writer to {@code topic} as the service {@code sourceService} (e.g. {@code case-service}); the topic is created if missing. */
    public static TopicRecords to(String topic, String sourceService) {
        ensureTopics(List.of(topic));
        return new TopicRecords(topic, "/changning/" + sourceService);
    }

    /** Writes the events in order and waits until Kafka acknowledged every one. */
    public void send(Collection<Published> events) {
        try {
            for (Published p : events) {
                producer.send(record(p));
            }
            producer.flush();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    public void send(Object event, String aggregateId, long sequence, String eventId) {
        send(List.of(new Published(event, aggregateId, sequence, eventId)));
    }

    private ProducerRecord<String, byte[]> record(Published p) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        header(headers, EventHeaders.SPEC_VERSION, "1.0");
        header(headers, EventHeaders.ID, p.eventId());
        header(headers, EventHeaders.TYPE, EventTypes.cloudEventType(p.event().getClass()));
        header(headers, EventHeaders.SOURCE, source);
        header(headers, EventHeaders.SUBJECT, p.aggregateId());
        header(headers, EventHeaders.TIME, Instant.now().toString());
        header(headers, EventHeaders.SEQUENCE, Long.toString(p.sequence()));
        header(headers, EventHeaders.CONTENT_TYPE, "application/json");
        return new ProducerRecord<>(topic, null, p.aggregateId(), JSON.writeValueAsBytes(p.event()), headers);
    }

    /** Creates the topics (3 partitions) that do not exist yet; a topic another test created meanwhile is fine. */
    public static synchronized void ensureTopics(Collection<String> topics) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            var existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t)).map(t -> new NewTopic(t, 3, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
