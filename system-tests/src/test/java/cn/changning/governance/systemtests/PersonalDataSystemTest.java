package cn.changning.governance.systemtests;

import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.localstack.LocalCallers;
import cn.changning.governance.localstack.LocalStack;
import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.partyregistry.projection.member.MemberDocuments;
import cn.changning.governance.partyregistry.projection.member.MemberProjection;
import cn.changning.governance.partyregistry.projection.statistics.StatisticsFields;
import cn.changning.governance.partyregistry.projection.statistics.StatisticsProjection;
import cn.changning.governance.syntheticdata.RegistryFile;
import cn.changning.governance.syntheticdata.Scale;
import cn.changning.governance.syntheticdata.SyntheticRegistryData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Personal data across the whole platform (issue 14's acceptance): after a bulk import of a synthetic registry and a few
 * cases with reporters, no identity number, phone number or reporter contact is in clear on any topic, in any table of
 * any database, in any read model or in the logs; and an erased member's and reporter's sealed values open nowhere
 * (event store, topic, a replay into a fresh read model) while the statistics stay what they were.
 */
class PersonalDataSystemTest {

    private static final String STAFF = "registry-staff";
    private static final String OFFICER = "registry-officer";
    private static final String REGISTRY = "party-registry-service";
    private static final String CASES = "case-service";
    /** Seeds and serials of its own, so no other test's data is this test's. */
    private static final long SEED = 14_2026_1201L;

    private static LocalStack stack;
    private static PlatformClient client;
    private static List<CSVRecord> members;
    private static List<String> identityNumbers;
    private static List<String> phones;
    private static final List<String> reporterValues = new ArrayList<>();
    private static final List<String> caseIds = new ArrayList<>();

    @BeforeAll
    static void importARegistryAndReportCases() throws IOException {
        stack = SharedStack.get();
        client = new PlatformClient(stack);
        Path directory = Files.createTempDirectory("synthetic-registry-");
        var files = SyntheticRegistryData.generate(Scale.SMALL.withSerialOffset(7_000), SEED, directory);
        for (RegistryFile file : RegistryFile.values()) {
            importFile(file, Files.readString(files.path(file), StandardCharsets.UTF_8), files.rows(file));
        }
        members = read(files.path(RegistryFile.MEMBERS));
        identityNumbers = new ArrayList<>(members.stream().map(r -> r.get("identityNumber")).toList());
        phones = members.stream().map(r -> r.get("phone")).toList();
        read(files.path(RegistryFile.POLICE_OFFICERS)).forEach(r -> identityNumbers.add(r.get("identityNumber")));
        read(files.path(RegistryFile.AREA_SECRETARIES)).forEach(r -> identityNumbers.add(r.get("identityNumber")));

        for (int i = 0; i < 3; i++) {
            String name = "报告人" + "甲乙丙".charAt(i) + "测";
            String contact = "1390712" + (2001 + i);
            reporterValues.add(name);
            reporterValues.add(contact);
            caseIds.add(created(client.post("/api/v1/cases", """
                    {"itemCode":"0101","location":{"latitude":31.2155,"longitude":121.4231,"gridCode":"310105001000001",
                     "address":"Yan'an Rd W 1"},"description":"personal data test %d","source":"RESIDENT",
                     "reporter":{"name":"%s","contact":"%s"}}""".formatted(i, name, contact))));
        }
        // One through the Open311 facade, whose email is the reporter's third sealed field.
        List<String> open311Reporter = List.of("报告人丁测", "13907122004", "ding.reporter@example.cn");
        reporterValues.addAll(open311Reporter);
        HttpResponse<String> open311 = client.open311("requests.json", PlatformClient.form("api_key",
                LocalCallers.open311Key(LocalCallers.PARTNER), "service_code", "0101", "lat", "31.2155", "long", "121.4231",
                "description", "personal data test open311", "first_name", open311Reporter.get(0),
                "phone", open311Reporter.get(1), "email", open311Reporter.get(2)));
        assertThat(open311.statusCode()).as(open311.body()).isEqualTo(201);
        // Every member in the read model: the projections have seen the import's events.
        String last = memberId(members.get(members.size() - 1).get("identityNumber"));
        await().atMost(Duration.ofSeconds(60)).until(() -> client.as(STAFF, "GET", "/api/v1/party/members/" + last, null, null)
                .statusCode() == 200);
    }

    @Test
    void noIdentityNumberPhoneOrReporterContactIsInClearAnywhere() {
        PersonalDataTraces traces = new PersonalDataTraces(stack.infrastructure(), logDirectory());
        List<String> searched = new ArrayList<>(identityNumbers);
        searched.addAll(phones);
        searched.addAll(reporterValues);

        List<PersonalDataTraces.Finding> findings = traces.find(searched);

        PersonalDataTraces.Scanned scanned = traces.lastScan();
        System.out.printf("PersonalDataSystemTest: searched %d personal values in %d topic records, %d table rows, "
                        + "%d documents and %d log lines: %d found%n", searched.size(), scanned.topicRecords(),
                scanned.tableRows(), scanned.documents(), scanned.logLines(), findings.size());
        assertThat(findings).as("personal values in clear").isEmpty();
        // The scan does see what is stored in clear by design (a case's description, an organisation's code):
        // on the topics, in the event store and in the read models.
        List<String> wheres = traces.find(List.of("personal data test 1")).stream().map(PersonalDataTraces.Finding::where).toList();
        assertThat(wheres).anyMatch(w -> w.startsWith("topic governance.case.events"))
                .anyMatch(w -> w.startsWith("postgres case_service.public.domain_event_entry"))
                .anyMatch(w -> w.startsWith("mongo case_service."));
        assertThat(identityNumbers).hasSizeGreaterThan(members.size());
    }

    @Test
    void anErasedMembersValuesOpenNowhereAndTheStatisticsStay() throws Exception {
        CSVRecord member = members.get(0);
        String memberId = memberId(member.get("identityNumber"));
        JsonNode before = PlatformClient.json(client.as(OFFICER, "GET", "/api/v1/party/members/" + memberId, null, null).body());
        assertThat(before.path("identityNumber").asText()).isEqualTo(member.get("identityNumber"));
        // The statistics before: a replay of the topic once the live read model holds the same (the import's last
        // events published and applied).
        Map<String, Document> statisticsBefore = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> replay(null).statistics(), replayed -> replayed.equals(statistics(liveRegistryDatabase())));

        HttpResponse<String> erased = client.as(OFFICER, "POST", "/api/v1/party/members/" + memberId + "/erasure", null, null);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);

        JsonNode after = PlatformClient.json(client.as(OFFICER, "GET", "/api/v1/party/members/" + memberId, null, null).body());
        assertThat(after.path("erased").asBoolean()).isTrue();
        assertThat(after.path("identityNumber").isNull()).isTrue();
        assertThat(after.path("name").isNull()).isTrue();

        PersonalData registryKeys = stack.service(REGISTRY).getBean(PersonalData.class);
        List<String> memberFields = List.of("member.name", "member.identityNumber", "member.phone", "member.address");
        // The event store: every sealed value of the member's events stays shut.
        List<SealedValue> stored = sealedValues(eventPayloads("party_registry_service", memberId));
        assertThat(stored).hasSizeGreaterThanOrEqualTo(4);
        assertOpenNowhere(registryKeys, stored, memberFields);
        // The topic: the same.
        List<ConsumerRecord<String, byte[]>> topic = client.readTopic(Topics.PARTY_REGISTRY_EVENTS);
        List<byte[]> memberRecords = topic.stream().filter(r -> memberId.equals(r.key())).map(ConsumerRecord::value).toList();
        assertOpenNowhere(registryKeys, sealedValues(memberRecords), memberFields);

        // A replay of the whole topic into fresh read models: the member without its values, the statistics as before;
        // and the live statistics, once they have applied the erasure, as before too.
        Replayed replayed = replay(memberId);
        assertThat(replayed.member()).as("the member in the replayed read model").isNotNull();
        assertThat(sealedValues(List.of(replayed.member().toJson().getBytes(StandardCharsets.UTF_8)))).as("sealed values kept").isEmpty();
        assertThat(replayed.statistics()).isEqualTo(statisticsBefore);
        await().atMost(Duration.ofSeconds(30)).until(() -> statistics(liveRegistryDatabase()).equals(statisticsBefore));
    }

    @Test
    void anErasedReportersValuesOpenNowhere() throws Exception {
        String caseId = caseIds.get(0);
        String street = "street-310105001";
        JsonNode before = PlatformClient.json(client.as(street, "GET", "/api/v1/cases/" + caseId + "/reporter", null, null).body());
        assertThat(before.path("contact").asText()).isEqualTo(reporterValues.get(1));

        HttpResponse<String> erased = client.as(street, "POST", "/api/v1/cases/" + caseId + "/reporter/erasure", null, null);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);

        JsonNode after = PlatformClient.json(client.as(street, "GET", "/api/v1/cases/" + caseId + "/reporter", null, null).body());
        assertThat(after.path("erased").asBoolean()).isTrue();
        assertThat(after.path("contact").isNull()).isTrue();
        PersonalData caseKeys = stack.service(CASES).getBean(PersonalData.class);
        List<String> fields = List.of("reporter.name", "reporter.contact");
        List<SealedValue> stored = sealedValues(eventPayloads("case_service", caseId));
        assertThat(stored).hasSize(2);
        assertOpenNowhere(caseKeys, stored, fields);
        assertOpenNowhere(caseKeys, sealedValues(client.readTopic(Topics.CASE_EVENTS).stream()
                .filter(r -> caseId.equals(r.key())).map(ConsumerRecord::value).toList()), fields);
        // The case itself goes on: still readable, in the step it was.
        assertThat(client.get("/api/v1/cases/" + caseId).statusCode()).isEqualTo(200);
    }

    // ---- helpers ----

    private static void importFile(RegistryFile file, String body, long rows) {
        HttpResponse<String> accepted = client.send(STAFF, "POST", "/api/v1/party/imports?kind=" + file.kind(), "text/csv", body);
        assertThat(accepted.statusCode()).as(file + ": " + accepted.body()).isEqualTo(202);
        String job = PlatformClient.json(accepted.body()).path("jobId").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                PlatformClient.json(client.as(STAFF, "GET", "/api/v1/party/imports/" + job, null, null).body())
                        .path("status").asText().matches("SUCCEEDED|FAILED"));
        JsonNode done = PlatformClient.json(client.as(STAFF, "GET", "/api/v1/party/imports/" + job, null, null).body());
        assertThat(done.path("status").asText()).as(file + ": " + done).isEqualTo("SUCCEEDED");
        assertThat(done.path("rejected").asLong()).as(file + " rejected: " + done).isZero();
        assertThat(done.path("accepted").asLong() + done.path("unchanged").asLong()).as(file + ": " + done).isEqualTo(rows);
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }

    private static String memberId(String identityNumber) {
        PersonalData keys = stack.service(REGISTRY).getBean(PersonalData.class);
        return RegistryIds.member(keys.pseudonym("party-member", identityNumber)).toString();
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return PlatformClient.json(response.body()).path("caseId").asText();
    }

    private static Path logDirectory() {
        return Path.of(System.getProperty("GOVERNANCE_DATA_DIR", "data/local-stack"), "logs");
    }

    /** Every payload of the aggregate's events in the service's event store. */
    private static List<byte[]> eventPayloads(String database, String aggregateId) throws SQLException {
        var postgres = stack.infrastructure().postgres();
        List<byte[]> payloads = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
             PreparedStatement select = connection.prepareStatement(
                     "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            select.setString(1, aggregateId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    payloads.add(rs.getBytes(1));
                }
            }
        }
        assertThat(payloads).as("events of " + aggregateId + " in " + database).isNotEmpty();
        return payloads;
    }

    /** Every {subject, ciphertext} object anywhere in these JSON documents. */
    private static List<SealedValue> sealedValues(List<byte[]> jsonDocuments) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<SealedValue> found = new ArrayList<>();
        for (byte[] document : jsonDocuments) {
            collect(json.readTree(document), found);
        }
        return found;
    }

    private static void collect(JsonNode node, List<SealedValue> found) {
        if (node.isObject() && node.hasNonNull("subject") && node.hasNonNull("ciphertext")) {
            found.add(new SealedValue(node.get("subject").asText(), node.get("ciphertext").asText()));
            return;
        }
        node.forEach(child -> collect(child, found));
    }

    /** None of the values opens, whichever of the fields it was sealed for. */
    private static void assertOpenNowhere(PersonalData keys, List<SealedValue> values, List<String> fields) {
        assertThat(values).isNotEmpty();
        for (SealedValue value : values) {
            for (String field : fields) {
                Optional<String> opened;
                try {
                    opened = keys.open(value, field);
                } catch (IllegalArgumentException wrongField) {
                    continue; // sealed for another field: does not open either
                }
                assertThat(opened).as(value.subject() + " as " + field).isEmpty();
            }
        }
    }

    /** What fresh read models hold after the registry service's own projections applied the whole registry topic. */
    record Replayed(Document member, Map<String, Document> statistics) {
    }

    private static Replayed replay(String memberId) {
        ObjectMapper json = stack.service(REGISTRY).getBean(ObjectMapper.class);
        List<EventRecord> events = client.readTopic(Topics.PARTY_REGISTRY_EVENTS).stream().map(EventRecord::of).toList();
        try (MongoClient mongo = MongoClients.create(stack.infrastructure().mongo().connectionString())) {
            String fresh = "personal_data_replay_" + System.nanoTime();
            try {
                MongoTemplate template = new MongoTemplate(mongo, fresh);
                VersionedDocuments documents = VersionedDocuments.forServer(mongo.getDatabase(fresh));
                MemberProjection members = new MemberProjection(template, documents, json);
                StatisticsProjection statistics = new StatisticsProjection(template, documents, json);
                for (int from = 0; from < events.size(); from += 1000) {
                    List<EventRecord> batch = events.subList(from, Math.min(events.size(), from + 1000));
                    members.process(batch);
                    statistics.process(batch);
                }
                Document member = memberId == null ? null
                        : mongo.getDatabase(fresh).getCollection(MemberDocuments.MEMBERS).find(new Document("_id", memberId)).first();
                return new Replayed(member, statistics(fresh, mongo));
            } finally {
                mongo.getDatabase(fresh).drop();
            }
        }
    }

    private static String liveRegistryDatabase() {
        return stack.service(REGISTRY).getEnvironment().getProperty("spring.data.mongodb.database");
    }

    /** The statistics' counters (what each counts, without the partitions' offsets they were applied at). */
    private static Map<String, Document> statistics(String database) {
        try (MongoClient mongo = MongoClients.create(stack.infrastructure().mongo().connectionString())) {
            return statistics(database, mongo);
        }
    }

    private static Map<String, Document> statistics(String database, MongoClient mongo) {
        Map<String, Document> counters = new TreeMap<>();
        for (Document counter : mongo.getDatabase(database).getCollection(StatisticsFields.COUNTERS).find()) {
            counter.remove(StatisticsFields.OFFSETS);
            counters.put(String.valueOf(counter.get("_id")), counter);
        }
        assertThat(counters).as("statistics counters in " + database).isNotEmpty();
        return counters;
    }
}
