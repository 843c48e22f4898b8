package cn.changning.governance.cases.api;

import cn.changning.governance.cases.projection.CaseDocument;
import cn.changning.governance.cases.support.CaseServiceIntegrationTest;
import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.common.testing.TestCallers;
import cn.changning.governance.contracts.EventHeaders;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Grid;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cn.changning.governance.common.testing.SharedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reporter's name and contact are sealed before the command: the topic, the event store, the idempotency store
 * and the read model hold ciphertext only; a street centre (cases:personal-data) reads them in clear, other readers
 * masked, nobody after an erasure. Stored and published v1 reports (reporter in clear) are read without it.
 */
class CaseReporterIntegrationTest extends CaseServiceIntegrationTest {

    /** A grid no other test reports in, so that its counts move only with these tests' cases. */
    static final Grid GRID = lastGrid(Geography.load());
    static final String STREET = GRID.subdistrictCode();
    static final TestCallers CENTRE = TestCallers.street(STREET);
    static final String NAME = "张三丰";
    static final String PHONE = "13812345678";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    PersonalData personalData;

    @Test
    void theReporterIsCiphertextEverywhereAndClearOnlyForTheScope() throws Exception {
        String key = UUID.randomUUID().toString();
        String caseId = reportWithReporter(NAME, PHONE, key);

        ConsumerRecord<String, byte[]> record = onTopic(caseId);
        String published = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(published).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain("5678");
        JsonNode reporter = objectMapper.readTree(record.value()).get("reporter");
        assertThat(reporter.get("name").get("subject").asText()).isEqualTo("case-reporter:" + caseId);
        assertThat(reporter.get("contact").get("ciphertext").asText()).isNotBlank();

        List<String> stored = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                + " WHERE aggregate_identifier = ?", String.class, caseId);
        assertThat(stored).hasSize(1).allSatisfy(payload -> assertThat(payload).doesNotContain(NAME).doesNotContain(PHONE));
        List<String> answers = jdbc.queryForList("SELECT convert_from(response_body, 'UTF8') FROM idempotency_record"
                + " WHERE idempotency_key = ?", String.class, key);
        assertThat(answers).hasSize(1).allSatisfy(body -> assertThat(body).contains(caseId).doesNotContain(NAME).doesNotContain(PHONE));
        String document = mongo.getCollection(CaseDocument.COLLECTION).find(eq(CaseDocument.ID, caseId)).first().toJson();
        assertThat(document).contains("case-reporter:" + caseId).doesNotContain(NAME).doesNotContain(PHONE);

        assertThat(reporterAs(CENTRE, caseId)).isEqualTo(Map.of("name", NAME, "contact", PHONE, "masked", false, "erased", false));
        assertThat(reporterAs(PARTNER, caseId)).isEqualTo(Map.of("name", "张**", "contact", "138****5678", "masked", true, "erased", false));
        assertThat(reporterAs(DISTRICT, caseId)).isEqualTo(Map.of("name", "张**", "contact", "138****5678", "masked", true, "erased", false));
    }

    @Test
    void anErasureDestroysTheKeyThenRecordsItAndEveryReaderSeesNothing() throws Exception {
        String caseId = reportWithReporter("李四", "13900001111", null);
        JsonNode sealedName = objectMapper.readTree(onTopic(caseId).value()).get("reporter").get("name");
        SealedValue published = new SealedValue(sealedName.get("subject").asText(), sealedName.get("ciphertext").asText());
        long reportedInBucket = reportedInGrid();

        ResponseEntity<String> erased = erase(caseId);
        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(erased.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(erase(caseId).getStatusCode()).as("idempotent").isEqualTo(HttpStatus.OK);

        assertThat(personalData.open(published, "reporter.name")).as("the published ciphertext opens no more").isEmpty();
        awaitCase(caseId, c -> c.get("version").asLong() == 1);
        Document reporter = mongo.getCollection(CaseDocument.COLLECTION).find(eq(CaseDocument.ID, caseId)).first()
                .get(CaseDocument.REPORTER, Document.class);
        assertThat(reporter).containsEntry(CaseDocument.Reporter.ERASED, true)
                .doesNotContainKeys(CaseDocument.Reporter.NAME, CaseDocument.Reporter.CONTACT);
        assertThat(reporterAs(CENTRE, caseId)).as("null values").isEqualTo(Map.of("masked", false, "erased", true));
        assertThat(reporterAs(PARTNER, caseId)).as("null values").isEqualTo(Map.of("masked", true, "erased", true));

        JsonNode view = get("/api/v1/cases/" + caseId);
        assertThat(view.get("step").asText()).as("the loop is untouched").isEqualTo("REPORTED");
        assertThat(reportedInGrid()).as("the counts are untouched").isEqualTo(reportedInBucket);
        assertThat(get("/api/v1/cases/" + caseId + "/timeline").get("entries").findValuesAsText("event"))
                .containsExactly("CaseReported", "CaseReporterErased");
    }

    @Test
    void aStoredV1ReportIsReadWithoutItsClearReporterAndAPublishedOneToo() throws Exception {
        String template = reportWithReporter("王五", "13700002222", null);
        String storedV1 = UUID.randomUUID().toString();
        Map<String, Object> row = jdbc.queryForMap("SELECT type, time_stamp, payload_type, convert_from(payload, 'UTF8') AS payload,"
                + " meta_data FROM domain_event_entry WHERE aggregate_identifier = ?", template);
        ObjectNode v1 = (ObjectNode) objectMapper.readTree((String) row.get("payload"));
        v1.put("caseId", storedV1);
        v1.putObject("reporter").put("name", "赵六").put("contact", "13600003333");
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                        + " payload_type, payload_revision, payload, meta_data) VALUES (?, ?, 0, ?, ?, ?, NULL, ?, ?)",
                UUID.randomUUID().toString(), storedV1, row.get("type"), row.get("time_stamp"), row.get("payload_type"),
                v1.toString().getBytes(StandardCharsets.UTF_8), row.get("meta_data"));

        // The publisher reads it through the upcaster: v2 on the topic, without the reporter.
        ConsumerRecord<String, byte[]> republished = onTopic(storedV1);
        assertThat(CaseSliceIntegrationTest.header(republished, EventHeaders.TYPE)).isEqualTo("cn.changning.governance.case.CaseReported.v2");
        assertThat(new String(republished.value(), StandardCharsets.UTF_8)).doesNotContain("赵六").doesNotContain("13600003333");
        awaitCase(storedV1, c -> c.get("step").asText().equals("REPORTED"));
        assertThat(reporterAs(CENTRE, storedV1)).as("no reporter").isEqualTo(Map.of("masked", false, "erased", false));

        // The scrub deploy/README.md gives operators: the clear values leave the row, which still reads as before.
        jdbc.update("UPDATE domain_event_entry SET payload = convert_to(jsonb_set(convert_from(payload, 'UTF8')::jsonb,"
                + " '{reporter}', 'null')::text, 'UTF8') WHERE payload_type = 'cn.changning.governance.contracts.cases.CaseReported'"
                + " AND payload_revision IS NULL");
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, storedV1)).contains(storedV1).doesNotContain("赵六").doesNotContain("13600003333");
        assertThat(get("/api/v1/cases/" + storedV1 + "?asOf=" + java.time.Instant.now()).get("step").asText()).isEqualTo("REPORTED");

        // A v1 record already on the topic (published before v2): projected, its reporter never copied.
        String publishedV1 = UUID.randomUUID().toString();
        v1.put("caseId", publishedV1);
        publishRecord(Topics.CASE_EVENTS, UUID.randomUUID().toString(), publishedV1, 0,
                "cn.changning.governance.case.CaseReported.v1", v1.toString().getBytes(StandardCharsets.UTF_8));
        awaitCase(publishedV1, c -> c.get("step").asText().equals("REPORTED"));
        String document = mongo.getCollection(CaseDocument.COLLECTION).find(eq(CaseDocument.ID, publishedV1)).first().toJson();
        assertThat(document).doesNotContain("赵六").doesNotContain("13600003333");
    }

    /** The case's first record on the case topic, read by partition assignment (no consumer group to join). */
    private static ConsumerRecord<String, byte[]> onTopic(String caseId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CASE_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (caseId.equals(r.key())) {
                        return r;
                    }
                }
                return null;
            }, java.util.Objects::nonNull);
        }
    }

    private static Grid lastGrid(Geography geography) {
        List<Grid> grids = geography.grids();
        return grids.get(grids.size() - 1);
    }

    private String reportWithReporter(String name, String contact, String idempotencyKey) {
        String body = """
                {"itemCode":"0302","location":{"latitude":%s,"longitude":%s,"address":"Test Rd 1"},
                 "description":"Paving stones loose","source":"RESIDENT","reporter":{"name":"%s","contact":"%s"}}
                """.formatted(GRID.centre().lat(), GRID.centre().lng(), name, contact);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        ResponseEntity<String> created = http.exchange("/api/v1/cases", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String location = created.getHeaders().getLocation().toString();
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        awaitCase(caseId, c -> c.get("version").asLong() >= 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection(CaseDocument.COLLECTION)
                .find(eq(CaseDocument.ID, caseId)).first() != null);
        return caseId;
    }

    /** The reporter as this caller reads it, without the case id: name, contact (only when not null), masked, erased. */
    private Map<String, Object> reporterAs(TestCallers caller, String caseId) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(caller.token());
        ResponseEntity<String> response = http.exchange("/api/v1/cases/" + caseId + "/reporter", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        Map<String, Object> answer = new java.util.HashMap<>(objectMapper.readValue(response.getBody(), Map.class));
        assertThat(answer.remove("caseId")).isEqualTo(caseId);
        answer.values().removeIf(java.util.Objects::isNull);
        return answer;
    }

    private ResponseEntity<String> erase(String caseId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(CENTRE.token());
        return http.exchange("/api/v1/cases/" + caseId + "/reporter/erasure", HttpMethod.POST, new HttpEntity<>(headers), String.class);
    }

    private long reportedInGrid() {
        return get("/api/v1/cases/stats?step=REPORTED&grid=" + GRID.code()).path("total").asLong();
    }
}
