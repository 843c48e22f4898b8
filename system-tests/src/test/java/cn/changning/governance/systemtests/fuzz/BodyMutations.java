package cn.changning.governance.systemtests.fuzz;

import cn.changning.governance.systemtests.fuzz.FuzzRequest.Verdict;
import cn.changning.governance.systemtests.fuzz.Mutations.Property;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static cn.changning.governance.systemtests.fuzz.FuzzRequest.Verdict.MAY_ACCEPT;
import static cn.changning.governance.systemtests.fuzz.FuzzRequest.Verdict.MUST_REFUSE;

/**
 * The body half of the catalogue ({@link Mutations}): malformed JSON, and for each property of the body's schema every
 * value its schema does not allow. The rest of the body stays the baseline's, so the one wrong thing is what is judged.
 */
final class BodyMutations {

    private final FuzzRequest base;
    private final Random random;
    private final List<FuzzRequest> out;
    private final JsonNode schema;

    BodyMutations(FuzzRequest base, Random random, List<FuzzRequest> out) {
        this.base = base;
        this.random = random;
        this.out = out;
        this.schema = base.operation().body().schema();
    }

    void all() {
        boolean required = base.operation().body().required();
        String body = base.body;
        for (String bad : new String[]{"hello", "<case/>", "{", "{\"a\":}", "[]", "\"text\"", "123", "{'a':1}",
                body.replaceFirst("}$", ",}"), "/* c */" + body, body + "x", body + "{}"}) {
            add("body.not-json", bad, MUST_REFUSE).body(bad);
        }
        add("body.truncated", "first half", MUST_REFUSE).body(body.substring(0, body.length() / 2));
        add("body.empty", "no body", required ? MUST_REFUSE : MAY_ACCEPT).body("");
        add("body.json-null", "null", required ? MUST_REFUSE : MAY_ACCEPT).body("null");
        add("body.array-for-object", "[baseline]", MUST_REFUSE).body("[" + body + "]");
        add("body.bom", "UTF-8 byte-order mark", MAY_ACCEPT).body("\uFEFF" + body);
        if (!body.startsWith("{")) {
            // A body that is not a JSON object (an array of rows): the mutations below change an object's properties.
            add("body.size-10mb", "10 MB body", MUST_REFUSE).body("[\"" + FuzzRequest.longText(10 * 1024 * 1024) + "\"]");
            return;
        }
        add("body.bad-utf8", "bytes C3 28 in a string", MUST_REFUSE).bodyBytes(badUtf8(body));
        duplicatedKey(body);
        unknownProperty(body);
        add("body.deep-nesting", "10,000 nested arrays", MUST_REFUSE).body(withFirst(body, "[".repeat(10_000) + "]".repeat(10_000)));
        add("body.deep-nesting", "2,000 nested objects", MUST_REFUSE).body("{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000));
        add("body.size-10mb", "10 MB body", MUST_REFUSE).body(withText(body, "\"" + FuzzRequest.longText(10 * 1024 * 1024) + "\""));
        for (Property p : Mutations.properties(schema)) {
            property(p);
        }
    }

    private FuzzRequest add(String kind, String detail, Verdict verdict) {
        FuzzRequest r = base.as(kind, detail, verdict);
        out.add(r);
        return r;
    }

    /** The first property of the baseline given twice, the second time with another valid-looking value. */
    private void duplicatedKey(String body) {
        ObjectNode object = Mutations.parsed(body);
        String name = object.fieldNames().hasNext() ? object.fieldNames().next() : Mutations.properties(schema).stream()
                .map(Property::name).findFirst().orElse("fuzz");
        String value = object.has(name) ? object.get(name).toString() : "\"a\"";
        String rest = body.substring(1);
        add("body.duplicated-key", name + " twice", MUST_REFUSE)
                .body("{\"" + name + "\":" + value + (rest.equals("}") ? "" : ",") + rest.replaceFirst("}$", ",\"" + name + "\":" + value + "}"));
    }

    /** An optional property misspelled (a typo a partner makes), or an unknown one: dropped silently today. */
    private void unknownProperty(String body) {
        List<Property> optional = Mutations.properties(schema).stream().filter(p -> p.parent() == null && !p.required()).toList();
        String name = optional.isEmpty() ? "fuzzUnknown" : optional.get(random.nextInt(optional.size())).name();
        String typo = optional.isEmpty() ? name : name.substring(0, name.length() - 1) + name.charAt(name.length() - 1) + name.charAt(name.length() - 1);
        ObjectNode object = Mutations.parsed(body);
        object.put(typo, "fuzz");
        add("body.unknown-property", typo, MUST_REFUSE).body(Values.json(object));
        ObjectNode nested = Mutations.parsed(body);
        nested.put("fuzzUnknown", 1);
        add("body.unknown-property", "fuzzUnknown", MUST_REFUSE).body(Values.json(nested));
    }

    private void property(Property p) {
        JsonNode s = p.schema();
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        String where = (p.parent() == null ? "" : p.parent() + ".") + p.name();
        switch (type) {
            case "string" -> strings(p, s, where);
            case "number", "integer" -> {
                wrong(p, where, "\"12\"", "true", "{}", "[1]");
                for (String v : new String[]{"1e309", "-1e309", "1" + "0".repeat(400), "NaN", "Infinity", "0x10", "1.", ".5", "+1", "01"}) {
                    set(p, "body.number", where + "=" + v, MUST_REFUSE, v);
                }
                if (s.has("maximum")) {
                    set(p, "body.out-of-range", where + " above maximum", MUST_REFUSE, String.valueOf(s.get("maximum").asDouble() + 1));
                }
                if (s.has("minimum")) {
                    set(p, "body.out-of-range", where + " below minimum", MUST_REFUSE, String.valueOf(s.get("minimum").asDouble() - 1));
                }
                if (type.equals("integer")) {
                    set(p, "body.number", where + "=1.5", MUST_REFUSE, "1.5");
                }
            }
            case "boolean" -> wrong(p, where, "\"true\"", "1", "\"yes\"", "{}", "[]");
            case "array" -> {
                wrong(p, where, "\"a\"", "{}", "1");
                set(p, "body.wrong-type", where + " item of another type", MUST_REFUSE, "[{}]");
                int max = s.path("maxItems").asInt(100);
                JsonNode item = Values.valid(null, s.path("items"), java.util.Map.of());
                set(p, "body.too-many-items", where + " " + (max + 1) + " items", MUST_REFUSE, ("," + item).repeat(max + 1).substring(1).transform(a -> "[" + a + "]"));
                set(p, "body.huge", where + " 100,000 items", MUST_REFUSE, ("," + item).repeat(100_000).substring(1).transform(a -> "[" + a + "]"));
            }
            default -> {
                wrong(p, where, "\"a\"", "[]", "1");
                set(p, "body.deep-nesting", where + " nested in itself 5,000 times", MUST_REFUSE, "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
            }
        }
        if (p.required()) {
            set(p, "body.null-required", where + "=null", MUST_REFUSE, "null");
            FuzzRequest missing = add("body.missing-required", where, MUST_REFUSE);
            ObjectNode object = Mutations.parsed(base.body);
            (p.parent() == null ? object : (ObjectNode) object.path(p.parent())).remove(p.name());
            missing.body(Values.json(object));
        } else {
            set(p, "body.null-optional", where + "=null", MAY_ACCEPT, "null");
        }
    }

    private void strings(Property p, JsonNode s, String where) {
        boolean constrained = s.has("enum") || s.has("pattern") || s.has("format");
        wrong(p, where, "123", "true", "{}", "[\"a\"]");
        set(p, "body.control", where + " with NUL", MUST_REFUSE, quote("fuzz\u0000fuzz"));
        set(p, "body.control", where + " with a control", MUST_REFUSE, quote("fuzz" + Mutations.control(random) + "fuzz"));
        set(p, "body.control", where + " with ANSI escape", MUST_REFUSE, quote("\u001b[31mfuzz"));
        set(p, "body.lone-surrogate", where + " with a lone surrogate", MUST_REFUSE, "\"fuzz\\ud800\"");
        set(p, "body.huge", where + " of 1 MB", MUST_REFUSE, "\"" + FuzzRequest.longText(1024 * 1024) + "\"");
        set(p, "body.line-break", where + " with a line break", constrained ? MUST_REFUSE : MAY_ACCEPT, quote("line one\nline two"));
        set(p, "body.unicode", where + " odd unicode", constrained ? MUST_REFUSE : MAY_ACCEPT, quote(Mutations.oddUnicode(random) + "fuzz"));
        set(p, "body.empty-string", where + "=\"\"", s.has("enum") || s.has("pattern") || s.has("format") || s.path("minLength").asInt() > 0
                ? MUST_REFUSE : MAY_ACCEPT, "\"\"");
        if (s.has("enum")) {
            String first = s.get("enum").get(0).asText();
            set(p, "body.enum", where + "=NOBODY", MUST_REFUSE, "\"NOBODY\"");
            set(p, "body.enum", where + " lower case", MUST_REFUSE, quote(first.toLowerCase()));
            set(p, "body.enum", where + " with trailing space", MUST_REFUSE, quote(first + " "));
            set(p, "body.enum", where + " by ordinal", MUST_REFUSE, "0");
        }
        if ("date-time".equals(s.path("format").asText())) {
            for (String v : new String[]{"+1000000000-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2026-13-40T00:00:00Z",
                    "2026-11-27", "yesterday", "1700000000"}) {
                set(p, "body.date", where + "=" + v, MUST_REFUSE, quote(v));
            }
            set(p, "body.date", where + " as a number", MUST_REFUSE, "1700000000");
        }
        if (s.has("pattern") && !Pattern.compile(s.get("pattern").asText()).matcher("abc").matches()) {
            set(p, "body.pattern", where + "=abc", MUST_REFUSE, "\"abc\"");
        }
        if (s.has("maxLength")) {
            set(p, "body.too-long", where + " of maxLength+1", MUST_REFUSE, quote("x".repeat(s.get("maxLength").asInt() + 1)));
        }
    }

    private void wrong(Property p, String where, String... values) {
        for (String v : values) {
            set(p, "body.wrong-type", where + "=" + v, MUST_REFUSE, v);
        }
    }

    /** The baseline with one property (top-level or in its parent object) set to a raw JSON value. */
    private void set(Property p, String kind, String detail, Verdict verdict, String rawJson) {
        String marker = "\"__fuzz_value__\"";
        ObjectNode object = Mutations.parsed(base.body);
        ObjectNode target = object;
        if (p.parent() != null) {
            target = object.path(p.parent()).isObject() ? (ObjectNode) object.get(p.parent()) : object.putObject(p.parent());
        }
        target.put(p.name(), "__fuzz_value__");
        add(kind, detail, verdict).body(Values.json(object).replace(marker, rawJson));
    }

    private static String withFirst(String body, String rawJson) {
        return body.equals("{}") ? "{\"fuzz\":" + rawJson + "}" : "{\"fuzz\":" + rawJson + "," + body.substring(1);
    }

    /** The baseline with its first top-level text property set to a raw JSON string, so that only the value is wrong. */
    private String withText(String body, String rawString) {
        String name = textProperty();
        ObjectNode object = Mutations.parsed(body);
        object.put(name, "__fuzz_value__");
        return Values.json(object).replace("\"__fuzz_value__\"", rawString);
    }

    /** Free text if the body has any (no enum, pattern or format), so that only the size or the bytes are wrong. */
    private String textProperty() {
        List<Property> texts = Mutations.properties(schema).stream()
                .filter(p -> p.parent() == null && "string".equals(p.schema().path("type").asText())).toList();
        return texts.stream().filter(p -> !p.schema().has("enum") && !p.schema().has("pattern") && !p.schema().has("format"))
                .findFirst().or(() -> texts.stream().findFirst()).map(Property::name).orElse("fuzz");
    }

    private static String quote(String text) {
        return Values.json(Values.JSON.getNodeFactory().textNode(text));
    }

    /** Bytes C3 28 (not UTF-8) inside the value of a text property. */
    private byte[] badUtf8(String body) {
        String[] halves = withText(body, "\"a__split__b\"").split("__split__");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(Mutations.utf8(halves[0]));
        bytes.write(0xC3);
        bytes.write(0x28);
        bytes.writeBytes(Mutations.utf8(halves[1]));
        return bytes.toByteArray();
    }
}
