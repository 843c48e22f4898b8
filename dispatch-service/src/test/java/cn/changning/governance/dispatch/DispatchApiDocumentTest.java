package cn.changning.governance.dispatch;

import cn.changning.governance.common.testing.ApiDocumentRules;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/** The dispatch service's OpenAPI document keeps the partner contract (and is written to target/openapi for linting). */
class DispatchApiDocumentTest extends DispatchHttpTest {

    @Test
    void theDocumentDeclaresTheSchemeTheScopesAndTheProblemAnswersOfEveryOperation() {
        JsonNode document = http.getForObject("/v3/api-docs", JsonNode.class);
        ApiDocumentRules.write(document, Path.of("target", "openapi", "dispatch-service.json"));
        ApiDocumentRules.assertPartnerContract(document);
    }
}
