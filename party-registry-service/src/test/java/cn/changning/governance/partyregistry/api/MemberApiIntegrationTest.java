package cn.changning.governance.partyregistry.api;

import cn.changning.governance.contracts.personal.SealedValue;
import java.util.Map;
import java.util.ArrayList;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.partyregistry.support.PartyRegistryIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Members through the API: sealing, clear and masked reads, the identity number's check, transfers, erasure. */
class MemberApiIntegrationTest extends PartyRegistryIntegrationTest {

    private static final String STREET = "310105001";
    private static final String AREA = "310105001001";
    /** The weighted sum of the 17 digits is 150; 150 mod 11 = 7, whose check character is 5. */
    private static final String NUMBER = "310105198001011235";

    @Autowired
    private JdbcTemplate jdbc;

    private String organization(String code, String level, String parentId) {
        String body = """
                {"code": "%s", "name": "华阳 %s", "kind": "RESIDENTIAL_AREA", "level": "%s", "parentId": %s,
                 "streetCode": "%s", "residentialAreaCode": "%s"}""".formatted(code, code, level,
                parentId == null ? "null" : "\"" + parentId + "\"", STREET, AREA);
        ResponseEntity<JsonNode> answer = call(HttpMethod.POST, "/api/v1/party/organizations", body, REGISTRY_STAFF);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
        return answer.getBody().path("id").asText();
    }

    private ResponseEntity<JsonNode> registerMember(String organizationId, String number) {
        return call(HttpMethod.POST, "/api/v1/party/members", """
                {"organizationId": "%s", "name": "张三丰", "identityNumber": "%s", "phone": "13812345678",
                 "address": "上海市长宁区华阳路100弄1号", "category": "FULL", "joinedOn": "2005-07-01"}"""
                .formatted(organizationId, number), REGISTRY_STAFF);
    }

    private JsonNode awaitMember(String memberId, HttpHeaders ignored, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ResponseEntity<JsonNode> answer = call(HttpMethod.GET, "/api/v1/party/members/" + memberId, null, REGISTRY_OFFICER);
            seen[0] = answer.getBody();
            return answer.getStatusCode() == HttpStatus.OK && ready.test(answer.getBody());
        });
        return seen[0];
    }

    @Test
    void theOfficerReadsTheValuesInClearTheStaffMaskedAndNeitherAfterErasure() throws Exception {
        String committee = organization("mem-c1", "COMMITTEE", null);
        String branch = organization("mem-b1", "BRANCH", committee);
        ResponseEntity<JsonNode> registered = registerMember(branch, NUMBER);
        assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
        String memberId = registered.getBody().path("id").asText();
        assertThat(memberId).isEqualTo(RegistryIds.member(personalData.pseudonym("party-member", NUMBER)));

        JsonNode clear = awaitMember(memberId, null, m -> true);
        assertThat(clear.path("name").asText()).isEqualTo("张三丰");
        assertThat(clear.path("identityNumber").asText()).isEqualTo(NUMBER);
        assertThat(clear.path("personalData").asText()).isEqualTo("CLEAR");
        // Read from the number: born 1980, 17th digit 3 (odd): male. The place is the organisation's.
        assertThat(clear.path("birthYear").asInt()).isEqualTo(1980);
        assertThat(clear.path("gender").asText()).isEqualTo("MALE");
        assertThat(clear.path("residentialAreaCode").asText()).isEqualTo(AREA);

        JsonNode masked = call(HttpMethod.GET, "/api/v1/party/members/" + memberId, null, REGISTRY_STAFF).getBody();
        assertThat(masked.path("name").asText()).isEqualTo("张**");
        assertThat(masked.path("phone").asText()).isEqualTo("138****5678");
        assertThat(masked.path("identityNumber").asText()).isEqualTo("310105********1235");
        assertThat(masked.path("address").asText()).isEqualTo("上海市长宁区***");
        assertThat(masked.path("personalData").asText()).isEqualTo("MASKED");

        ResponseEntity<JsonNode> erased = call(HttpMethod.POST, "/api/v1/party/members/" + memberId + "/erasure", null, REGISTRY_OFFICER);
        assertThat(erased.getStatusCode()).as(String.valueOf(erased.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(erased.getBody().path("subject").asText()).isEqualTo("party-member:" + memberId);

        JsonNode after = awaitMember(memberId, null, m -> m.path("erased").asBoolean());
        assertThat(after.path("name").isNull()).isTrue();
        assertThat(after.path("identityNumber").isNull()).isTrue();
        assertThat(after.path("phone").isNull()).isTrue();
        assertThat(after.path("birthYear").asInt()).isEqualTo(1980);
        JsonNode staffAfter = call(HttpMethod.GET, "/api/v1/party/members/" + memberId, null, REGISTRY_STAFF).getBody();
        assertThat(staffAfter.path("name").isNull()).isTrue();
        assertThat(staffAfter.path("erased").asBoolean()).isTrue();

        // The registration is still in the event store, sealed: with the key gone it opens to nothing.
        JsonNode stored = objectMapper.readTree(jdbc.queryForObject("select payload from domain_event_entry"
                + " where aggregate_identifier = ? and sequence_number = 0", byte[].class, memberId));
        SealedValue sealedName = objectMapper.treeToValue(stored.path("name"), SealedValue.class);
        assertThat(sealedName.subject()).isEqualTo("party-member:" + memberId);
        assertThat(personalData.open(sealedName, "member.name")).isEmpty();
    }

    @Test
    void erasureIsIdempotentAndClosesTheMembershipToTransfers() {
        String committee = organization("mem-c2", "COMMITTEE", null);
        String branch = organization("mem-b2", "BRANCH", committee);
        String other = organization("mem-b2x", "BRANCH", committee);
        String memberId = registerMember(branch, "11010519491231002X").getBody().path("id").asText();

        ResponseEntity<JsonNode> first = call(HttpMethod.POST, "/api/v1/party/members/" + memberId + "/erasure", null, REGISTRY_OFFICER);
        ResponseEntity<JsonNode> again = call(HttpMethod.POST, "/api/v1/party/members/" + memberId + "/erasure", null, REGISTRY_OFFICER);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("version").asLong()).isEqualTo(first.getBody().path("version").asLong());

        HttpHeaders ifMatch = new HttpHeaders();
        ifMatch.setIfMatch("*");
        ResponseEntity<JsonNode> transfer = call(HttpMethod.POST, "/api/v1/party/members/" + memberId + "/transfers",
                "{\"toOrganizationId\": \"" + other + "\", \"transferredOn\": \"2026-01-05\"}", REGISTRY_STAFF, ifMatch);
        assertThat(transfer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(transfer.getBody().path("code").asText()).isEqualTo("member-data-erased");

        // The same person cannot be recorded again under the erased subject.
        ResponseEntity<JsonNode> reRegistered = registerMember(branch, "11010519491231002X");
        assertThat(reRegistered.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(reRegistered.getBody().path("code").asText()).isEqualTo("member-data-erased");
    }

    @Test
    void erasureNeedsThePersonalDataScope() {
        String committee = organization("mem-c3", "COMMITTEE", null);
        String memberId = registerMember(committee, "440524188001010014").getBody().path("id").asText();

        ResponseEntity<JsonNode> refused = call(HttpMethod.POST, "/api/v1/party/members/" + memberId + "/erasure", null, REGISTRY_STAFF);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(personalData.isErased("party-member:" + memberId)).isFalse();
    }

    @Test
    void aWrongCheckDigitIsABadRequestNamingTheFieldWithoutRepeatingTheNumber() {
        String committee = organization("mem-c4", "COMMITTEE", null);
        ResponseEntity<JsonNode> answer = registerMember(committee, "310105198001011234");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("identityNumber");
        assertThat(answer.getBody().toString()).doesNotContain("310105198001011234");
    }

    @Test
    void aTransferMovesTheMemberAndTheHistoryKeepsBothOrganizations() {
        String committee = organization("mem-c5", "COMMITTEE", null);
        String from = organization("mem-b5", "BRANCH", committee);
        String to = organization("mem-b5x", "BRANCH", committee);
        String memberId = registerMember(from, "310105197505050014").getBody().path("id").asText();
        awaitMember(memberId, null, m -> true);

        HttpHeaders ifMatch = new HttpHeaders();
        ifMatch.setIfMatch("\"0\"");
        ResponseEntity<JsonNode> transfer = call(HttpMethod.POST, "/api/v1/party/members/" + memberId + "/transfers",
                "{\"toOrganizationId\": \"" + to + "\", \"transferredOn\": \"2021-09-01\", \"reason\": \"moved house\"}",
                REGISTRY_STAFF, ifMatch);
        assertThat(transfer.getStatusCode()).as(String.valueOf(transfer.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(transfer.getBody().path("version").asLong()).isEqualTo(1);

        awaitMember(memberId, null, m -> m.path("organizationId").asText().equals(to));
        JsonNode history = call(HttpMethod.GET, "/api/v1/party/members/" + memberId + "/memberships", null, REGISTRY_STAFF).getBody();
        List<String> organizations = history.path("memberships").findValuesAsText("organizationId");
        assertThat(organizations).containsExactly(from, to);
        JsonNode ofTarget = call(HttpMethod.GET, "/api/v1/party/organizations/" + to + "/members", null, REGISTRY_STAFF).getBody();
        assertThat(ofTarget.path("items").findValuesAsText("memberId")).containsExactly(memberId);
    }

    @Test
    void theEventStoreHoldsNoClearValueOfTheMember() {
        String committee = organization("mem-c6", "COMMITTEE", null);
        String memberId = registerMember(committee, "310105196912120011").getBody().path("id").asText();

        List<byte[]> payloads = jdbc.queryForList("select payload from domain_event_entry where aggregate_identifier = ?",
                byte[].class, memberId);
        assertThat(payloads).hasSize(1);
        String stored = new String(payloads.get(0), StandardCharsets.UTF_8);
        assertThat(stored).contains("ciphertext").doesNotContain("张三丰", "310105196912120011", "13812345678", "华阳路100弄");
    }

    @Test
    void theTopicCarriesTheMemberSealedAndAfterErasureItsValuesOpenToNothing() throws Exception {
        String committee = organization("mem-c7", "COMMITTEE", null);
        String number = "310105199203040020";
        String memberId = call(HttpMethod.POST, "/api/v1/party/members", """
                {"organizationId": "%s", "name": "欧阳娜娜", "identityNumber": "%s", "phone": "13987654321",
                 "address": "上海市长宁区天山路999号", "category": "PROBATIONARY", "joinedOn": "2024-06-30"}"""
                .formatted(committee, number), REGISTRY_STAFF).getBody().path("id").asText();
        call(HttpMethod.POST, "/api/v1/party/members/" + memberId + "/erasure", null, REGISTRY_OFFICER);

        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> ofMember = new ArrayList<>();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            // Assigned, not subscribed: no group to join, every partition from its start.
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PARTY_REGISTRY_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r);
                    if (memberId.equals(r.key())) {
                        ofMember.add(r);
                    }
                }
                return ofMember.size() == 2;
            });
        }
        for (ConsumerRecord<String, byte[]> r : seen) {
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).as("record %s", r.offset())
                    .doesNotContain("欧阳娜娜", number, "13987654321", "天山路999号");
        }
        JsonNode registration = objectMapper.readTree(ofMember.get(0).value());
        for (String field : List.of("name", "identityNumber", "phone", "address")) {
            SealedValue sealed = objectMapper.treeToValue(registration.path(field), SealedValue.class);
            assertThat(personalData.open(sealed, "member." + field)).as(field).isEmpty();
        }
        assertThat(objectMapper.readTree(ofMember.get(1).value()).path("subject").asText()).isEqualTo("party-member:" + memberId);
    }
}
