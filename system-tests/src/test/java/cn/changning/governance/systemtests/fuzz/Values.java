package cn.changning.governance.systemtests.fuzz;

import cn.changning.governance.systemtests.fuzz.ApiDocuments.Operation;
import cn.changning.governance.systemtests.fuzz.ApiDocuments.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Valid values from a schema, so that each operation has a baseline request the server should take: real ids and
 * codes where the run knows them (its samples, by parameter or property name), otherwise what the schema allows.
 */
public final class Values {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DIGITS = Pattern.compile("\\\\d\\{(\\d+)}");

    /** Who makes a call (the platform's rule for its callers, e.g. {@code LocalCallers.callerFor}). */
    public interface Callers {
        String callerFor(String method, String path, String body);
    }

    private Values() {
    }

    /** The baseline of an operation: required parameters, If-Match {@code *}, a body with its required properties. */
    static FuzzRequest baseline(Operation op, Map<String, String> samples, Callers callers) {
        FuzzRequest base = new FuzzRequest(op);
        for (Parameter p : op.in("query")) {
            if (p.required()) {
                base.query(p.name(), encode(text(p.name(), p.schema(), samples)));
            }
        }
        if (op.hasHeader("If-Match")) {
            base.header("If-Match", "*");
        }
        if (op.body() != null) {
            base.header("Content-Type", op.body().mediaType());
            // A body of another form than JSON (a CSV upload) is the run's sample of that media type, when it has one.
            String sampleBody = samples.get(op.body().mediaType());
            base.body(sampleBody != null && !op.body().mediaType().startsWith("application/json") ? sampleBody
                    : json(valid(null, op.body().schema(), samples)));
        }
        base.client = callers.callerFor(op.method(), base.target(samples), base.body);
        return base;
    }

    /** A valid value of a parameter, as text. */
    static String text(String name, JsonNode schema, Map<String, String> samples) {
        JsonNode value = valid(name, schema, samples);
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** A valid value: the sample of that name if any, else one the schema allows. */
    static JsonNode valid(String name, JsonNode schema, Map<String, String> samples) {
        String type = schema.path("type").asText("object");
        if (name != null && samples.containsKey(name)) {
            String sample = samples.get(name);
            return type.equals("integer") ? JSON.valueToTree(Long.parseLong(sample))
                    : type.equals("number") ? JSON.valueToTree(Double.parseDouble(sample)) : JSON.valueToTree(sample);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        return switch (type) {
            case "string" -> JSON.valueToTree(string(schema));
            case "integer" -> JSON.valueToTree(schema.path("minimum").asLong(1));
            case "number" -> JSON.valueToTree(schema.has("minimum") && schema.has("maximum")
                    ? (schema.get("minimum").asDouble() + schema.get("maximum").asDouble()) / 2 : 1.5);
            case "boolean" -> JSON.valueToTree(true);
            case "array" -> {
                ArrayNode array = JSON.createArrayNode();
                array.add(valid(null, schema.path("items"), samples));
                yield array;
            }
            default -> object(schema, samples);
        };
    }

    /** The required properties, and the optional ones the run has a sample for (the acting agency, say). */
    private static ObjectNode object(JsonNode schema, Map<String, String> samples) {
        ObjectNode object = JSON.createObjectNode();
        Set<String> required = required(schema);
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> p = properties.next();
            if (required.contains(p.getKey()) || samples.containsKey(p.getKey())) {
                object.set(p.getKey(), valid(p.getKey(), p.getValue(), samples));
            }
        }
        return object;
    }

    static Set<String> required(JsonNode schema) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        return required;
    }

    private static String string(JsonNode schema) {
        if ("date-time".equals(schema.path("format").asText())) {
            return Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        }
        if ("date".equals(schema.path("format").asText())) {
            return "2026-11-27";
        }
        String pattern = schema.path("pattern").asText("");
        Matcher digits = DIGITS.matcher(pattern);
        if (digits.matches()) {
            return "1".repeat(Integer.parseInt(digits.group(1)));
        }
        if (pattern.startsWith("https?://")) {
            return "https://example.org/fuzz.jpg";
        }
        if (pattern.matches("[A-Z_|()]+")) {
            return pattern.replace("(", "").split("\\|")[0];
        }
        int min = schema.path("minLength").asInt(0);
        return min > 4 ? "f".repeat(min) : "fuzz";
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes all but the unreserved characters, as a careful client would. */
    public static String encode(String raw) {
        StringBuilder out = new StringBuilder();
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
