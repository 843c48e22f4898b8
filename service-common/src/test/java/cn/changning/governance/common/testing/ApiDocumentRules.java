package cn.changning.governance.common.testing;

import cn.changning.governance.common.web.ApiDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What partners rely on in a service's OpenAPI document, checked on the document the service serves, so that a new
 * endpoint cannot leave it out: the OAuth2 client-credentials scheme, every operation's scope from that scheme, every
 * operation's error answers as problem+json of the one Problem schema (referenced, not inlined), unique operation
 * ids, {@code /} as the server. Every failure is collected, then reported together.
 */
public final class ApiDocumentRules {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private ApiDocumentRules() {
    }

    public static void assertPartnerContract(JsonNode document) {
        List<String> failures = new ArrayList<>();
        if (!"v1".equals(document.path("info").path("version").asText())
                || document.path("info").path("title").asText().equals("OpenAPI definition")) {
            failures.add("the document's info is springdoc's default, not the service's: " + document.path("info"));
        }
        JsonNode scheme = document.path("components").path("securitySchemes").path(ApiDocuments.SECURITY_SCHEME);
        JsonNode flow = scheme.path("flows").path("clientCredentials");
        if (!"oauth2".equals(scheme.path("type").asText()) || !ApiDocuments.TOKEN_URL.equals(flow.path("tokenUrl").asText())) {
            failures.add("no oauth2 client-credentials scheme with tokenUrl " + ApiDocuments.TOKEN_URL + ": " + scheme);
        }
        Set<String> scopes = new HashSet<>();
        flow.path("scopes").fieldNames().forEachRemaining(scopes::add);
        if (!document.path("components").path("schemas").has(ApiDocuments.PROBLEM_SCHEMA)) {
            failures.add("no " + ApiDocuments.PROBLEM_SCHEMA + " schema among the components");
        }
        if (!"/".equals(document.path("servers").path(0).path("url").asText()) || document.path("servers").size() != 1) {
            failures.add("servers must be [{url: /}]: " + document.path("servers"));
        }
        Set<String> operationIds = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    check(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue(), scopes, operationIds, failures);
                }
            }
        }
        assertThat(operationIds).as("operations in the document").isNotEmpty();
        assertThat(failures).as("the partner contract of the document").isEmpty();
    }

    private static void check(String name, JsonNode operation, Set<String> scopes, Set<String> operationIds, List<String> failures) {
        String id = operation.path("operationId").asText("");
        if (id.isEmpty() || !operationIds.add(id)) {
            failures.add(name + ": operationId '" + id + "' is missing or not unique");
        }
        JsonNode security = operation.path("security");
        if (security.isEmpty()) {
            failures.add(name + ": no security requirement");
        }
        for (JsonNode requirement : security) {
            JsonNode asked = requirement.path(ApiDocuments.SECURITY_SCHEME);
            if (asked.isMissingNode() || requirement.size() != 1 || asked.isEmpty()) {
                failures.add(name + ": a security requirement that is not one scope of " + ApiDocuments.SECURITY_SCHEME + ": " + requirement);
            }
            asked.forEach(scope -> {
                if (!scopes.contains(scope.asText())) {
                    failures.add(name + ": scope " + scope.asText() + " is not in the scheme");
                }
            });
        }
        boolean problem4xx = false;
        for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext(); ) {
            Map.Entry<String, JsonNode> response = responses.next();
            JsonNode problem = response.getValue().path("content").path(ApiDocuments.PROBLEM_MEDIA_TYPE);
            if (!problem.isMissingNode() && !ApiDocuments.PROBLEM_REF.equals(problem.path("schema").path("$ref").asText())) {
                failures.add(name + " " + response.getKey() + ": problem+json not as a reference to " + ApiDocuments.PROBLEM_REF);
            }
            problem4xx |= response.getKey().startsWith("4") && !problem.isMissingNode();
        }
        if (!problem4xx) {
            failures.add(name + ": no 4xx answer with " + ApiDocuments.PROBLEM_MEDIA_TYPE);
        }
    }

    /** Writes the document where a linter can read it (e.g. {@code target/openapi/case-service.json}). */
    public static void write(JsonNode document, Path file) {
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
