package cn.changning.governance.common.idempotency;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The header and its answers on every POST operation, with the platform's problem schema; other operations untouched. */
class IdempotencyDocumentationTest {

    final IdempotencyDocumentation documentation = new IdempotencyDocumentation(Duration.ofHours(24));

    static class Reads {
        @GetMapping("/api/v1/things")
        String list() {
            return "";
        }
    }

    @Test
    void aPostDocumentsTheHeaderTheReplayMarkerAndTheProblemsOfTheKey() throws Exception {
        Operation operation = new Operation().responses(new ApiResponses()
                .addApiResponse("201", new ApiResponse().description("Created"))
                .addApiResponse("422", new ApiResponse().description("A rule refused the input")));
        documentation.customize(operation, new HandlerMethod(new IdempotencyProbe(new IdempotencyProbe.State()), IdempotencyProbe.class.getDeclaredMethod(
                "create", cn.changning.governance.common.security.Actor.class, IdempotencyProbe.Thing.class, IdempotencyKey.class)));

        Parameter header = operation.getParameters().stream().filter(p -> p.getName().equals("Idempotency-Key")).findFirst().orElseThrow();
        assertThat(header.getIn()).isEqualTo("header");
        assertThat(header.getRequired()).isFalse();
        assertThat(header.getSchema().getMaxLength()).isEqualTo(255);
        assertThat(header.getDescription()).contains("24h", "422", "409");
        assertThat(operation.getResponses().get("201").getHeaders()).containsKey("Idempotent-Replayed");
        assertThat(operation.getResponses().get("409").getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(operation.getResponses().get("409").getHeaders()).containsKey("Retry-After");
        assertThat(operation.getResponses().get("400").getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(operation.getResponses().get("422").getDescription())
                .startsWith("A rule refused the input").contains("idempotency-key-reused");
    }

    @Test
    void otherOperationsAreLeftAsTheyAre() throws Exception {
        Operation operation = new Operation();
        documentation.customize(operation, new HandlerMethod(new Reads(), Reads.class.getDeclaredMethod("list")));
        assertThat(operation.getParameters()).isNull();
        assertThat(operation.getResponses()).isNull();
    }
}
