package cn.changning.governance.partyregistry.support;

import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.common.testing.TestCallers;
import cn.changning.governance.common.testing.TestClock;
import cn.changning.governance.common.testing.TopicRecords;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.contracts.identity.Claims;
import cn.changning.governance.contracts.identity.Scopes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;

/**
 * The party-registry service on the shared embedded PostgreSQL, Kafka and Mongo. Every integration test of the
 * service (organisations and members, areas and police, statistics, the import) extends this class so that all run in
 * ONE cached Spring context: two live contexts would share the consumer groups and split the topic's partitions
 * between them, and each costs start-up time CI does not have. Each test works on subjects of its own (its own codes,
 * streets or areas), so that its figures hold only its own facts.
 */
@AutoConfigureObservability(metrics = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=party-registry-service")
@Import(PartyRegistryIntegrationTest.TestHands.class)
public abstract class PartyRegistryIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class TestHands {
        @Bean
        TestClock clock() {
            return new TestClock();
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry, "party_registry_service");
        SharedInfrastructure.registerTokens(registry);
        TopicRecords.ensureTopics(List.of(Topics.PARTY_REGISTRY_EVENTS));
    }

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected ObjectMapper objectMapper;
    @Autowired
    protected TestClock clock;
    /** The service's own (common.personaldata: keys in the test database's {@code _keys} twin, development keys). */
    @Autowired
    protected PersonalData personalData;

    /** The registry's clients as the authorisation server registers them (clients.v1.json). */
    protected static final TestCallers REGISTRY_STAFF = new TestCallers("registry-staff",
            Map.of(Claims.ACTOR_KIND, "REGISTRY"), Scopes.REGISTRY_STAFF_SCOPES);
    protected static final TestCallers REGISTRY_OFFICER = new TestCallers("registry-officer",
            Map.of(Claims.ACTOR_KIND, "REGISTRY"), Scopes.REGISTRY_OFFICER_SCOPES);
    protected static final TestCallers DISTRICT = TestCallers.district();

    @AfterEach
    void setTheClockBack() {
        clock.reset();
    }

    /** A call as {@code caller}, with a JSON body when there is one; the answer's body as JSON (null when empty). */
    protected ResponseEntity<JsonNode> call(HttpMethod method, String path, String body, TestCallers caller) {
        return call(method, path, body, caller, new HttpHeaders());
    }

    protected ResponseEntity<JsonNode> call(HttpMethod method, String path, String body, TestCallers caller, HttpHeaders headers) {
        headers.setBearerAuth(caller.token());
        if (body != null && headers.getContentType() == null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
