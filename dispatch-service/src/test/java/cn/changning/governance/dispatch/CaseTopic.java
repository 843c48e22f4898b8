package cn.changning.governance.dispatch;

import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.contracts.EventHeaders;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.contracts.cases.CaseFiled;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Test helper standing in for the case service on the shared log: it produces case events with the headers the
 * common publisher writes, and reads what the dispatch service published.
 */
public final class CaseTopic {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CaseTopic() {
    }

    /** Unlicensed street stalls (item 1501, a persistent problem) in Huayang Road street. */
    public static CaseFiled persistentStallsCase(String caseId, Instant filedAt, Instant deadline) {
        return persistentStallsCase(caseId, "310105001", filedAt, deadline);
    }

    public static CaseFiled persistentStallsCase(String caseId, String streetCode, Instant filedAt, Instant deadline) {
        return new CaseFiled(caseId, "1501", "EVENT", "B", true, streetCode + "000001", streetCode, deadline, "operator-7", filedAt);
    }

    /** The case service creates its topic; here the test stands in for it. */
    public static synchronized void ensureCaseTopic() {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            if (!admin.listTopics().names().get().contains(Topics.CASE_EVENTS)) {
                admin.createTopics(List.of(new NewTopic(Topics.CASE_EVENTS, 3, (short) 1))).all().get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void produce(Object event, String caseId, long sequence, String eventId) {
        ensureCaseTopic();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            RecordHeaders headers = new RecordHeaders();
            header(headers, EventHeaders.SPEC_VERSION, "1.0");
            header(headers, EventHeaders.ID, eventId);
            header(headers, EventHeaders.TYPE, EventTypes.cloudEventType(event.getClass()));
            header(headers, EventHeaders.SOURCE, "/changning/case-service");
            header(headers, EventHeaders.SUBJECT, caseId);
            header(headers, EventHeaders.TIME, Instant.now().toString());
            header(headers, EventHeaders.SEQUENCE, Long.toString(sequence));
            header(headers, EventHeaders.CONTENT_TYPE, "application/json");
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, null, caseId, JSON.writeValueAsBytes(event), headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce " + event, e);
        }
    }

    /** Every record on the dispatch topic with this key that matches, read from the beginning until {@code enough} holds. */
    public static List<ConsumerRecord<String, byte[]>> dispatchRecords(String key, Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DISPATCH_EVENTS));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && !enough.test(found)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    public static String type(ConsumerRecord<?, ?> record) {
        return new String(record.headers().lastHeader(EventHeaders.TYPE).value(), StandardCharsets.UTF_8);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
