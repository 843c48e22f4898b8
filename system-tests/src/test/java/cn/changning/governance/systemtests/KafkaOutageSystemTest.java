package cn.changning.governance.systemtests;

import cn.changning.governance.contracts.Topics;
import cn.changning.governance.embedded.EmbeddedKafkaBroker;
import cn.changning.governance.localstack.LocalStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event store is the outbox: while Kafka is away, reports are still accepted; when it is
 * back, every event reaches the topic and every case is projected exactly once.
 */
class KafkaOutageSystemTest {

    @Test
    void casesReportedDuringAKafkaOutageArriveAfterwardsAndAreProjectedOnce() {
        LocalStack stack = SharedStack.get();
        PlatformClient client = new PlatformClient(stack);
        EmbeddedKafkaBroker kafka = stack.infrastructure().kafka();

        List<String> caseIds = new ArrayList<>();
        kafka.stop();
        try {
            for (int i = 0; i < 20; i++) {
                caseIds.add(client.reportCase("reported during the outage " + i)); // asserts 201
            }
        } finally {
            kafka.start();
        }

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String caseId : caseIds) {
                assertThat(client.get("/api/v1/cases/" + caseId).statusCode()).as(caseId).isEqualTo(200);
            }
        });
        Map<String, Long> onTopic = PlatformClient.countByKey(client.readTopic(Topics.CASE_EVENTS));
        for (String caseId : caseIds) {
            // At least once on the topic; exactly once in the read model (version 0, one event applied).
            assertThat(onTopic.getOrDefault(caseId, 0L)).as(caseId).isGreaterThanOrEqualTo(1L);
            assertThat(PlatformClient.json(client.get("/api/v1/cases/" + caseId).body()).get("version").asLong()).isZero();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(PlatformClient.json(
                    client.get("/api/v1/dispatch/case-intake/" + caseId).body()).path("eventsSeen").asInt()).isEqualTo(1));
        }
    }
}
