package cn.changning.governance.cases.projection;

import cn.changning.governance.cases.support.CaseServiceIntegrationTest;
import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.contracts.cases.CaseFiled;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records the case projection can never apply (a version of a known event it does not read, a
 * body that does not decode) go to the service's dead-letter topic with Kafka's headers saying
 * where they came from; the partition moves on and the read model is unchanged.
 */
class PoisonRecordIntegrationTest extends CaseServiceIntegrationTest {

    static final String DEAD_LETTERS = "governance.dead-letters.case-service";

    @Test
    void anUnknownVersionAndAnUndecodableBodyAreDeadLetteredAndThePartitionMovesOn() {
        String caseId = report(reportBody("0101", 31.1955, 121.4365, "Cover missing"));
        String futureVersion = EventTypes.cloudEventType(CaseFiled.class).replace(".v1", ".v9");
        String unknownVersionId = UUID.randomUUID().toString();
        String undecodableId = UUID.randomUUID().toString();
        String ignoredId = UUID.randomUUID().toString();

        publishRecord(Topics.CASE_EVENTS, unknownVersionId, caseId, 1, futureVersion,
                "{\"caseId\":\"%s\",\"streetCode\":\"310105004\"}".formatted(caseId).getBytes(StandardCharsets.UTF_8));
        publishRecord(Topics.CASE_EVENTS, undecodableId, caseId, 2, EventTypes.cloudEventType(CaseFiled.class),
                "{not json".getBytes(StandardCharsets.UTF_8));
        // a type this view does not take is skipped, not dead-lettered
        publishRecord(Topics.CASE_EVENTS, ignoredId, caseId, 3, EventTypes.PREFIX + "case.CaseNoticedByAPasserBy.v1",
                "{}".getBytes(StandardCharsets.UTF_8));

        List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLettersOf("case-service.case-projection", caseId), d -> d.size() >= 2);
        assertThat(deadLetters).extracting(r -> header(r, "ce_id")).containsExactly(unknownVersionId, undecodableId);
        for (ConsumerRecord<String, byte[]> letter : deadLetters) {
            assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(Topics.CASE_EVENTS);
            assertThat(header(letter, "kafka_dlt-original-offset")).isNotBlank();
        }
        assertThat(header(deadLetters.get(0), "kafka_dlt-exception-message")).contains("version not known");
        assertThat(header(deadLetters.get(1), "kafka_dlt-exception-message")).contains("does not decode");

        JsonNode unchanged = awaitCase(caseId, c -> true);
        assertThat(unchanged.get("step").asText()).isEqualTo("REPORTED");
        assertThat(unchanged.get("version").asLong()).isZero();

        // the real next event of the case, on the same partition after the poison, is applied
        assertThat(action(caseId, "file", "{}", "\"0\"").getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitStep(caseId, "FILED", 1);
    }

    static List<ConsumerRecord<String, byte[]>> deadLettersOf(String group, String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTERS));
            long until = System.currentTimeMillis() + 3_000;
            while (System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key()) && group.equals(header(r, "kafka_dlt-original-consumer-group"))) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
