package cn.changning.governance.assessment.support;

import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.common.testing.TestCallers;
import cn.changning.governance.common.testing.TestClock;
import cn.changning.governance.common.testing.TopicRecords;
import cn.changning.governance.contracts.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.AfterEach;

import java.util.List;

/**
 * The assessment service on the shared embedded PostgreSQL, Kafka and Mongo. Every integration test of the service
 * extends this class so that all run in one cached Spring context (two live contexts would share the consumer groups
 * and split the topics' partitions between them, and each costs start-up time CI does not have). Each test works on
 * subjects of its own (its own cases, periods or streets), so that its figures hold only its own facts.
 */
@AutoConfigureObservability(metrics = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=assessment-service")
@Import(AssessmentServiceIntegrationTest.TestHands.class)
public abstract class AssessmentServiceIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class TestHands {
        @Bean
        TestClock clock() {
            return new TestClock();
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry, "assessment_service");
        SharedInfrastructure.registerTokens(registry);
        // The case and dispatch services create their topics; here they must exist before the consumers subscribe.
        TopicRecords.ensureTopics(List.of(Topics.CASE_EVENTS, Topics.DISPATCH_EVENTS));
    }

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected ObjectMapper objectMapper;
    @Autowired
    protected TestClock clock;

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

    /** The case topic, written as the case service would. Close it (try-with-resources). */
    protected static TopicRecords caseTopic() {
        return TopicRecords.to(Topics.CASE_EVENTS, "case-service");
    }

    /** The dispatch topic, written as the dispatch service would. Close it (try-with-resources). */
    protected static TopicRecords dispatchTopic() {
        return TopicRecords.to(Topics.DISPATCH_EVENTS, "dispatch-service");
    }
}
