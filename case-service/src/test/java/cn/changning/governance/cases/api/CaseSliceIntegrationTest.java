package cn.changning.governance.cases.api;

import cn.changning.governance.cases.support.CaseServiceIntegrationTest;
import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.contracts.EventHeaders;
import cn.changning.governance.contracts.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The first slice: POST → event store → Kafka topic (key, CloudEvents headers) → read model → GET. */
class CaseSliceIntegrationTest extends CaseServiceIntegrationTest {

    static final String BODY = """
            {"itemCode":"0101","location":{"latitude":31.2155,"longitude":121.4231,"gridCode":"310105001001001","address":"Yan'an Rd W 1"},
             "description":"Manhole cover broken","source":"RESIDENT","reporter":{"name":"Li","contact":"13800000000"}}
            """;

    @Test
    void aReportedCaseIsPublishedWithKeyAndHeadersThenProjected() throws Exception {
        Instant before = Instant.now();
        ResponseEntity<String> created = post(BODY, null);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String location = created.getHeaders().getLocation().toString();
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        assertThat(location).isEqualTo("/api/v1/cases/" + caseId);

        ConsumerRecord<String, byte[]> record = findOnTopic(caseId);
        assertThat(header(record, EventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, EventHeaders.TYPE)).isEqualTo("cn.changning.governance.case.CaseReported.v2");
        assertThat(header(record, EventHeaders.SOURCE)).isEqualTo("/changning/case-service");
        assertThat(header(record, EventHeaders.SUBJECT)).isEqualTo(caseId);
        assertThat(header(record, EventHeaders.SEQUENCE)).isEqualTo("0");
        assertThat(header(record, EventHeaders.ID)).isNotBlank();
        assertThat(Instant.parse(header(record, EventHeaders.TIME))).isAfterOrEqualTo(before.minusSeconds(1));
        JsonNode data = objectMapper.readTree(record.value());
        assertThat(data.get("caseId").asText()).isEqualTo(caseId);
        assertThat(data.get("location").get("gridCode").asText()).isEqualTo("310105001001001");

        ResponseEntity<String> read = await().atMost(Duration.ofSeconds(10)).until(
                () -> http.getForEntity(location, String.class), r -> r.getStatusCode() == HttpStatus.OK);
        assertThat(read.getHeaders().getETag()).isEqualTo("\"0\"");
        JsonNode view = objectMapper.readTree(read.getBody());
        assertThat(view.get("step").asText()).isEqualTo("REPORTED");
        assertThat(view.get("description").asText()).isEqualTo("Manhole cover broken");
        assertThat(view.get("version").asLong()).isZero();
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameCase() {
        String key = UUID.randomUUID().toString();
        ResponseEntity<String> first = post(BODY, key);
        ResponseEntity<String> second = post(BODY, key);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
    }

    @Test
    void invalidInputIsAProblemNamingTheField() throws Exception {
        ResponseEntity<String> response = post(BODY.replace("\"description\":\"Manhole cover broken\",", ""), null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = objectMapper.readTree(response.getBody());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("description");

        response = post(BODY.replace("\"RESIDENT\"", "\"PIGEON\""), null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        problem = objectMapper.readTree(response.getBody());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("source");

        response = post(BODY.replace("31.2155", "131.2"), null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        problem = objectMapper.readTree(response.getBody());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("location.latitude");

        response = post("{not json", null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownCaseIsA404Problem() {
        ResponseEntity<String> response = http.getForEntity("/api/v1/cases/" + UUID.randomUUID(), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private ResponseEntity<String> post(String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.exchange("/api/v1/cases", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    static ConsumerRecord<String, byte[]> findOnTopic(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CASE_EVENTS));
            long deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no record with key " + key + " on " + Topics.CASE_EVENTS);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name))
                .map(h -> new String(h.value(), StandardCharsets.UTF_8)).orElse(null);
    }
}
