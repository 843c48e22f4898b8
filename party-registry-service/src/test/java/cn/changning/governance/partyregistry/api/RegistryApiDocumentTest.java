package cn.changning.governance.partyregistry.api;

import cn.changning.governance.common.testing.ApiDocumentRules;
import cn.changning.governance.partyregistry.support.PartyRegistryIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry's OpenAPI document keeps the partner contract (and is written to target/openapi for linting). */
class RegistryApiDocumentTest extends PartyRegistryIntegrationTest {

    @Test
    void theDocumentDeclaresTheSchemeTheScopesAndTheProblemAnswersOfEveryOperation() throws Exception {
        ResponseEntity<String> answer = http.getForEntity("/v3/api-docs", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode document = objectMapper.readTree(answer.getBody());
        ApiDocumentRules.write(document, Path.of("target", "openapi", "party-registry-service.json"));
        ApiDocumentRules.assertPartnerContract(document);
        assertThat(document.path("paths").has("/api/v1/party/members/{memberId}/erasure")).isTrue();
    }
}
