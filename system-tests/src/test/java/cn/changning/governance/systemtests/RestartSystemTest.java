package cn.changning.governance.systemtests;

import cn.changning.governance.contracts.Topics;
import cn.changning.governance.embedded.FreePorts;
import cn.changning.governance.localstack.LocalStack;
import cn.changning.governance.localstack.LocalStackSettings;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A stopped and restarted stack keeps its state and its offsets, and republishes nothing as new. */
@Order(2) // before the shared stack starts (junit-platform.properties)
class RestartSystemTest {

    @TempDir
    Path data;

    @Test
    void stateAndOffsetsSurviveARestart() {
        LocalStackSettings settings = new LocalStackSettings(data, FreePorts.find(), true,
                FreePorts.find(), FreePorts.find(), FreePorts.find(), 3, false, Clock.systemUTC(), FreePorts.find(),
                // What the test reads: the case service, and the dispatch service's intake of its events.
                List.of("case-service", "dispatch-service"));
        List<String> caseIds = new ArrayList<>();
        Map<String, Long> topicBefore;
        try (LocalStack stack = LocalStack.start(settings)) {
            PlatformClient client = client(stack);
            for (int i = 0; i < 10; i++) {
                caseIds.add(client.reportCase("before the restart " + i));
            }
            awaitProjected(client, caseIds);
            topicBefore = PlatformClient.countByKey(client.readTopic(Topics.CASE_EVENTS));
        }

        try (LocalStack stack = LocalStack.start(settings)) {
            long up = System.nanoTime();
            PlatformClient client = client(stack);
            String after = client.reportCase("after the restart");
            awaitProjected(client, List.of(after));
            System.out.printf("RestartSystemTest: a report made after the restart was in both read models %d ms after "
                    + "the stack was up%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - up));
            for (String caseId : caseIds) {
                assertThat(client.get("/api/v1/cases/" + caseId).statusCode()).as(caseId).isEqualTo(200);
            }

            Map<String, Long> topicAfter = PlatformClient.countByKey(client.readTopic(Topics.CASE_EVENTS));
            for (String caseId : caseIds) {
                assertThat(topicAfter.get(caseId)).as("records of " + caseId).isEqualTo(topicBefore.get(caseId));
                // The dispatch service's offsets survived: it applied each case's event once.
                assertThat(PlatformClient.json(client.get("/api/v1/dispatch/case-intake/" + caseId).body())
                        .get("eventsSeen").asInt()).isEqualTo(1);
            }
            assertThat(topicAfter.values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(topicBefore.values().stream().mapToLong(Long::longValue).sum() + 1);
        }
    }

    private static PlatformClient client(LocalStack stack) {
        return new PlatformClient(stack);
    }

    private static void awaitProjected(PlatformClient client, List<String> caseIds) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            for (String caseId : caseIds) {
                assertThat(client.get("/api/v1/cases/" + caseId).statusCode()).isEqualTo(200);
                assertThat(client.get("/api/v1/dispatch/case-intake/" + caseId).statusCode()).isEqualTo(200);
            }
        });
    }
}
