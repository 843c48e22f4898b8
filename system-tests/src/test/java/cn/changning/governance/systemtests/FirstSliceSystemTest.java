package cn.changning.governance.systemtests;

import cn.changning.governance.contracts.EventHeaders;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The first vertical slice, as a partner and an integrator see it: through the gateway and on the topic. */
class FirstSliceSystemTest {

    static LocalStack stack;
    static PlatformClient client;

    @BeforeAll
    static void start() {
        stack = SharedStack.get();
        client = new PlatformClient(stack);
    }

    @Test
    void aCaseReportedThroughTheGatewayIsStoredPublishedProjectedAndSeenByDispatch() {
        HttpResponse<String> created = client.post("/api/v1/cases", PlatformClient.reportBody("Street light out"));
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        assertThat(location).isEqualTo("/api/v1/cases/" + caseId);

        HttpResponse<String> read = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.get(location), r -> r.statusCode() == 200);
        assertThat(read.headers().firstValue("ETag")).contains("\"0\"");
        JsonNode view = PlatformClient.json(read.body());
        assertThat(view.get("caseId").asText()).isEqualTo(caseId);
        assertThat(view.get("description").asText()).isEqualTo("Street light out");

        List<ConsumerRecord<String, byte[]>> records = client.readTopic(Topics.CASE_EVENTS).stream()
                .filter(r -> caseId.equals(r.key())).toList();
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(PlatformClient.header(record, EventHeaders.TYPE)).contains("cn.changning.governance.case.CaseReported.v2");
        // The reporter (PlatformClient.reportBody: Li, 13800000000) is sealed before it is recorded: ciphertext only.
        assertThat(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("13800000000")
                .doesNotContain("\"Li\"").contains("case-reporter:" + caseId);
        assertThat(PlatformClient.header(record, EventHeaders.SUBJECT)).contains(caseId);
        assertThat(PlatformClient.header(record, EventHeaders.SOURCE)).contains("/changning/case-service");
        assertThat(PlatformClient.header(record, EventHeaders.SPEC_VERSION)).contains("1.0");
        assertThat(PlatformClient.header(record, EventHeaders.ID)).isPresent();
        assertThat(PlatformClient.header(record, EventHeaders.TIME)).isPresent();
        assertThat(PlatformClient.sequence(record)).isZero();

        // Another service reacts to the case context's events, knowing only the topic.
        HttpResponse<String> seen = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.get("/api/v1/dispatch/case-intake/" + caseId), r -> r.statusCode() == 200);
        assertThat(PlatformClient.json(seen.body()).get("lastEvent").asText()).isEqualTo("CaseReported");
    }

    @Test
    void badInputThroughTheGatewayIsAProblemNamingTheField() {
        HttpResponse<String> response = client.post("/api/v1/cases", PlatformClient.reportBody("x").replace("\"RESIDENT\"", "\"NOBODY\""));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(PlatformClient.json(response.body()).get("errors").get(0).get("field").asText()).isEqualTo("source");
    }

    @Test
    void theServicesExposeAxonAndKafkaMetricsForPrometheus() throws Exception {
        client.reportCase("metrics warm-up");
        // The case service has stored, published and projected events by now.
        String caseMetrics = prometheus("case-service", "governance_consumer_lag_seconds");
        assertThat(caseMetrics).contains("commandBus_", "eventStore_", "eventProcessor_", "kafka_producer_",
                "kafka_consumer_", "governance_consumer_lag_seconds");
        // The dispatch service has consumed the case topic.
        assertThat(prometheus("dispatch-service", "governance_consumer_lag_seconds"))
                .contains("kafka_consumer_", "governance_consumer_lag_seconds");
    }

    private static String prometheus(String service, String awaited) {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + stack.servicePort(service) + "/actuator/prometheus");
        return await().atMost(Duration.ofSeconds(10)).until(() -> http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString()).body(), body -> body.contains(awaited));
    }
}
