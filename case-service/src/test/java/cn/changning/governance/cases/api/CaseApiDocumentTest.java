package cn.changning.governance.cases.api;

import cn.changning.governance.cases.support.CaseServiceIntegrationTest;
import cn.changning.governance.common.testing.ApiDocumentRules;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/** The case service's OpenAPI document keeps the partner contract (and is written to target/openapi for linting). */
class CaseApiDocumentTest extends CaseServiceIntegrationTest {

    @Test
    void theDocumentDeclaresTheSchemeTheScopesAndTheProblemAnswersOfEveryOperation() {
        JsonNode document = get("/v3/api-docs");
        ApiDocumentRules.write(document, Path.of("target", "openapi", "case-service.json"));
        ApiDocumentRules.assertPartnerContract(document);
    }
}
