package cn.changning.governance.systemtests.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The services' operations as their OpenAPI documents describe them, so that the fuzz suite covers a new endpoint
 * without a test of its own. Read with Jackson's tree: the suite needs the parameters, the request body's schema (its
 * {@code $ref}s inlined) and the scopes an operation declares, nothing more.
 */
public final class ApiDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** One operation of one service. {@code scopes} is empty while the document declares none. */
    public record Operation(String service, String method, String path, String operationId,
                            List<Parameter> parameters, Body body, List<String> scopes) {

        public String id() {
            return method + " " + path;
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        public boolean hasHeader(String name) {
            return in("header").stream().anyMatch(p -> p.name().equalsIgnoreCase(name));
        }
    }

    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** A request body: its media type and its schema with every {@code $ref} inlined. */
    public record Body(boolean required, String mediaType, JsonNode schema) {
    }

    private ApiDocuments() {
    }

    /** Where the document of a service is read: the gateway, as partners read it ({@code /api-docs/<service>}). */
    public static URI source(String service, int gatewayPort) {
        return URI.create("http://127.0.0.1:" + gatewayPort + "/api-docs/" + service);
    }

    /** Every operation of the services' documents, in a stable order (service, path, method). */
    public static List<Operation> read(List<String> services, int gatewayPort) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Operation> operations = new ArrayList<>();
        for (String service : services) {
            URI uri = source(service, gatewayPort);
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(uri + " answered " + answer.statusCode());
                }
                operations.addAll(parse(service, JSON.readTree(answer.body())));
            } catch (IOException e) {
                throw new IllegalStateException("could not read " + uri + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        operations.sort(Comparator.comparing(Operation::service).thenComparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    static List<Operation> parse(String service, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> m = methods.next();
                if (!METHODS.contains(m.getKey())) {
                    continue;
                }
                JsonNode op = m.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    JsonNode resolved = resolve(document, p, 0);
                    parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                            resolved.path("required").asBoolean(false), resolve(document, resolved.path("schema"), 0)));
                }
                operations.add(new Operation(service, m.getKey().toUpperCase(), path.getKey(), op.path("operationId").asText(),
                        parameters, body(document, op.path("requestBody")), scopes(document, op)));
            }
        }
        return operations;
    }

    private static Body body(JsonNode document, JsonNode requestBody) {
        if (requestBody.isMissingNode()) {
            return null;
        }
        JsonNode resolved = resolve(document, requestBody, 0);
        Iterator<Map.Entry<String, JsonNode>> content = resolved.path("content").fields();
        if (!content.hasNext()) {
            return null;
        }
        // The JSON form where an operation takes several (the survey import takes JSON or CSV): its mutations are the
        // structured ones; the other forms are still sent with the wrong-content-type mutations.
        Map.Entry<String, JsonNode> chosen = content.next();
        while (!chosen.getKey().startsWith("application/json") && content.hasNext()) {
            Map.Entry<String, JsonNode> next = content.next();
            if (next.getKey().startsWith("application/json")) {
                chosen = next;
            }
        }
        return new Body(resolved.path("required").asBoolean(false), chosen.getKey(),
                resolve(document, chosen.getValue().path("schema"), 0));
    }

    /** The OAuth2 scopes the operation's security requirement names (or the document's default), if any. */
    private static List<String> scopes(JsonNode document, JsonNode op) {
        JsonNode security = op.has("security") ? op.get("security") : document.path("security");
        List<String> scopes = new ArrayList<>();
        for (JsonNode requirement : security) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(s -> scopes.add(s.asText())));
        }
        return List.copyOf(scopes);
    }

    /** The node with every {@code $ref} under it replaced by what it names (cycles cut at a fixed depth). */
    static JsonNode resolve(JsonNode document, JsonNode node, int depth) {
        if (node == null || depth > 24) {
            return JSON.createObjectNode();
        }
        if (node.isObject() && node.has("$ref")) {
            return resolve(document, document.at(node.get("$ref").asText().substring(1)), depth + 1);
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), resolve(document, f.getValue(), depth + 1)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(resolve(document, n, depth + 1)));
            return copy;
        }
        return node;
    }
}
