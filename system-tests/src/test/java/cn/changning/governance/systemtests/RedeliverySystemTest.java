package cn.changning.governance.systemtests;

import cn.changning.governance.contracts.Topics;
import cn.changning.governance.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A record delivered twice changes nothing in the read models that consume it. */
class RedeliverySystemTest {

    static final List<String> CASE_TOPIC_GROUPS = List.of("case-service.case-projection", "dispatch-service.case-intake");

    @Test
    void theSameRecordDeliveredAgainLeavesTheReadModelsUnchanged() throws Exception {
        LocalStack stack = SharedStack.get();
        String bootstrap = stack.infrastructure().kafka().bootstrapServers();
        PlatformClient client = new PlatformClient(stack);
        String caseId = client.reportCase("Blocked drain");
        JsonNode before = PlatformClient.json(await().atMost(Duration.ofSeconds(10))
                .until(() -> client.get("/api/v1/cases/" + caseId), r -> r.statusCode() == 200).body());
        await().atMost(Duration.ofSeconds(10)).until(() -> client.get("/api/v1/dispatch/case-intake/" + caseId).statusCode() == 200);

        ConsumerRecord<String, byte[]> original = client.readTopic(Topics.CASE_EVENTS).stream()
                .filter(r -> caseId.equals(r.key())).findFirst().orElseThrow();
        RecordMetadata copy;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            copy = producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, original.partition(), original.key(),
                    original.value(), original.headers())).get();
        }

        // Both consumer groups have processed the copy once their committed offset is past it.
        TopicPartition partition = new TopicPartition(copy.topic(), copy.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String group : CASE_TOPIC_GROUPS) {
                await().atMost(Duration.ofSeconds(15)).until(() -> {
                    OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get().get(partition);
                    return committed != null && committed.offset() > copy.offset();
                });
            }
        }
        assertThat(PlatformClient.json(client.get("/api/v1/cases/" + caseId).body())).isEqualTo(before);
        assertThat(PlatformClient.json(client.get("/api/v1/dispatch/case-intake/" + caseId).body())
                .get("eventsSeen").asInt()).isEqualTo(1);
    }
}
