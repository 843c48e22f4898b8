package cn.changning.governance.common.idempotency;

import cn.changning.governance.common.web.ApiDocuments;

import cn.changning.governance.common.web.ProblemDetailsAdvice;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Every POST operation documents the optional Idempotency-Key header (see {@link IdempotencyFilter} for the rule),
 * the replay marker on its successful answers, and the 400, 409 and 422 answers the key may give, with the
 * platform's one problem schema, the {@code Problem} component of every service's document (common/web). Run after
 * the other customizers: where they document a status already, its description says it may also mean this.
 */
final class IdempotencyDocumentation implements OperationCustomizer {

    static final String PROBLEM_REF = ApiDocuments.PROBLEM_REF;

    private final String description;

    IdempotencyDocumentation(Duration retention) {
        this.description = "Makes the POST safe to retry: done at most once per client and key. The same key with the "
                + "same request answers the first answer again (marked Idempotent-Replayed: true) for " + retention
                .toString().substring(2).toLowerCase(Locale.ROOT) + "; with another request 422; while the first still "
                + "runs 409 with Retry-After. A refused (4xx) or failed (5xx) first request keeps nothing: retry it "
                + "with the same key. 1-255 visible ASCII characters, e.g. a UUID.";
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), RequestMapping.class);
        if (mapping == null || !List.of(mapping.method()).contains(RequestMethod.POST)) {
            return operation;
        }
        boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && IdempotencyKey.HEADER.equalsIgnoreCase(p.getName()));
        if (!declared) {
            operation.addParametersItem(new HeaderParameter().name(IdempotencyKey.HEADER).required(false)
                    .description(description)
                    .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$")
                            .example("3f1c2a9e-8d7b-4c55-9a61-0b2e7d4f6a10")));
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject(IdempotencyKey.REPLAYED_HEADER, new Header().schema(new BooleanSchema())
                        .description("true when this is the stored answer to an earlier request with the same Idempotency-Key"));
            }
        });
        problem(operation, "400", "Idempotency-Key is malformed (type " + type(IdempotencyFilter.INVALID_KEY) + ")");
        problem(operation, "409", "The first request with this Idempotency-Key is still running (type "
                + type(IdempotencyFilter.KEY_IN_FLIGHT) + "); retry after Retry-After seconds")
                .addHeaderObject(HttpHeaders.RETRY_AFTER, new Header().schema(new IntegerSchema())
                        .description("seconds to wait before retrying"));
        problem(operation, "422", "Idempotency-Key was used with another request (type " + type(IdempotencyFilter.KEY_REUSED) + ")");
        return operation;
    }

    /** Adds the answer, or, where another answer with this status is documented already, says it may also mean this. */
    private static ApiResponse problem(Operation operation, String status, String description) {
        ApiResponse existing = operation.getResponses().get(status);
        if (existing == null) {
            ApiResponse response = new ApiResponse().description(description)
                    .content(new Content().addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
            operation.getResponses().addApiResponse(status, response);
            return response;
        }
        String before = existing.getDescription();
        if (before == null || !before.contains(description)) {
            existing.setDescription(before == null || before.isBlank() ? description : before + "; or: " + description);
        }
        return existing;
    }

    private static String type(String problem) {
        return ProblemDetailsAdvice.TYPE_BASE + problem;
    }
}
