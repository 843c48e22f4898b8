package cn.changning.governance.systemtests.fuzz;

import cn.changning.governance.systemtests.fuzz.ApiDocuments.Parameter;
import cn.changning.governance.systemtests.fuzz.FuzzRequest.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static cn.changning.governance.systemtests.fuzz.FuzzRequest.Verdict.FORBIDDEN;
import static cn.changning.governance.systemtests.fuzz.FuzzRequest.Verdict.MAY_ACCEPT;
import static cn.changning.governance.systemtests.fuzz.FuzzRequest.Verdict.MUST_REFUSE;
import static cn.changning.governance.systemtests.fuzz.FuzzRequest.Verdict.UNAUTHENTICATED;
import static cn.changning.governance.systemtests.fuzz.Values.encode;

/**
 * The catalogue of bad requests: from an operation's baseline, every way its path, query, headers, body and token can
 * be wrong, each marked with what the server owes it ({@link Verdict}). Must refuse: what the server can tell is
 * invalid (a wrong type, a control character, an unknown body property, a date out of any calendar). May accept: what
 * a lenient server may ignore (an unknown query parameter, an odd Accept, odd but valid unicode in free text).
 */
public final class Mutations {

    /** Long inputs repeat this, so an answer that echoes one is recognised ({@link #ECHO_PROBE}). */
    static final String LONG_UNIT = "fuzz-long-";
    static final String ECHO_PROBE = LONG_UNIT.repeat(20);
    private static final String[] ODD_UNICODE = {"\u200B", "\u202E", "\uD83D\uDCA9", "e\u0301", "\uFEFF", "\u4E2D\u6587"};
    private static final String[] CONTROLS = {"\u0000", "\u0007", "\u001B", "\u0008", "\u007F"};

    /** What the mutations need beyond the baseline: the seeded random, the tokens to send instead of the caller's. */
    public record Context(Random random, String lackingScopeClient, String forgedToken, String expiredToken) {
    }

    private final FuzzRequest base;
    private final Context ctx;
    private final Map<String, String> samples;
    private final List<FuzzRequest> out = new ArrayList<>();

    private Mutations(FuzzRequest base, Map<String, String> samples, Context ctx) {
        this.base = base;
        this.samples = samples;
        this.ctx = ctx;
    }

    /** Every mutation of the operation's baseline, in a fixed order for a given random. */
    static List<FuzzRequest> of(FuzzRequest base, Map<String, String> samples, Context ctx) {
        Mutations m = new Mutations(base, samples, ctx);
        base.operation().in("path").forEach(m::path);
        base.operation().in("query").forEach(m::query);
        m.headers();
        if (base.operation().body() != null) {
            // The body mutations are JSON's (a CSV upload has its own checks: its rows are judged one by one, later,
            // by the job the upload makes); its content type is still mutated with the headers.
            if (base.operation().body().mediaType().startsWith("application/json")) {
                new BodyMutations(base, ctx.random(), m.out).all();
            }
        } else {
            m.add("body.unexpected", "a JSON body on an operation without one", MAY_ACCEPT).header("Content-Type", "application/json").body("{\"fuzz\":1}");
        }
        m.auth();
        // What must be refused first, so that it meets the case or order as the baseline left it, before a request
        // that may be carried out changes it.
        m.out.sort(java.util.Comparator.comparing(r -> r.verdict() != MUST_REFUSE));
        return m.out;
    }

    static String longText(int length) {
        return LONG_UNIT.repeat(length / LONG_UNIT.length() + 1).substring(0, length);
    }

    private FuzzRequest add(String kind, String detail, Verdict verdict) {
        FuzzRequest r = base.as(kind, detail, verdict);
        out.add(r);
        return r;
    }

    private void path(Parameter p) {
        String sample = encode(samples.getOrDefault(p.name(), "x"));
        String n = p.name();
        String[][] bad = {
                {"control", "%00"}, {"control", sample + "%00"}, {"control", sample + "%0D%0AX-Injected:%201"},
                {"control", "%09" + sample}, {"control", sample + "%7F"}, {"control", sample + "%1B%5B31m"},
                {"long", encode(longText(10_000))}, {"long", sample + encode(longText(2_000))},
                {"unicode", sample + "%E2%80%8B"}, {"unicode", sample + "%E2%80%AE"}, {"unicode", "%F0%9F%92%A9"},
                {"bad-utf8", "%ED%A0%80"}, {"bad-utf8", "%C0%AF"}, {"bad-utf8", sample + "%FF"}, {"bad-encoding", "%zz"},
                {"traversal", ".."}, {"traversal", "%2E%2E"}, {"traversal", "..%2F..%2Factuator%2Fhealth"},
                {"encoded-slash", sample + "%2Fx"}, {"encoded-slash", "%2F"}, {"encoded-slash", "%5C" + sample},
                {"empty", ""}, {"blank", "%20"}, {"wildcard", "*"}, {"percent", "%25"},
                {"injection", encode("' OR '1'='1")}, {"injection", encode("{\"$ne\":null}")},
        };
        for (String[] b : bad) {
            add("path." + b[0], n + "=" + b[1], MUST_REFUSE).path(n, b[1]);
        }
        add("path.matrix", n + "=" + sample + ";x=1", MAY_ACCEPT).path(n, sample + ";x=1");
        add("path.random", n + "=random", MUST_REFUSE).path(n, encode(hostile(true)));
        // What java.net.http will not send: control characters and raw non-ASCII in the request line.
        add("path.raw-control", n + "=<NUL>", MUST_REFUSE).raw().path(n, sample + "\u0000");
        add("path.raw-control", n + "=<TAB>", MUST_REFUSE).raw().path(n, sample + "\t1");
        add("path.raw-non-ascii", n + "=é", MUST_REFUSE).raw().path(n, sample + "é");
        add("path.raw-backslash", n + "=\\..\\", MUST_REFUSE).raw().path(n, "..\\..\\" + sample);
    }

    private void query(Parameter p) {
        String n = p.name();
        JsonNode s = p.schema();
        String type = s.path("type").asText("string");
        List<String[]> bad = new ArrayList<>();
        if (p.required()) {
            FuzzRequest r = add("query.missing-required", n, MUST_REFUSE);
            r.query.remove(n);
        }
        bad.add(new String[]{"query.empty", ""});
        bad.add(new String[]{"query.control", "%00"});
        if (s.has("enum")) {
            String first = s.get("enum").get(0).asText();
            for (String v : new String[]{"NOBODY", first.toLowerCase(), first + "%00", first + "," + first, "1"}) {
                bad.add(new String[]{"query.enum", v});
            }
            add("query.padded", n + "= " + first, MAY_ACCEPT).query(n, "%20" + first);
        } else if (type.equals("integer") || type.equals("number")) {
            for (String v : new String[]{"0x10", "abc", "99999999999999999999", "1%2C5", "NaN", "Infinity", "1e999", "--1"}) {
                bad.add(new String[]{"query.number", v});
            }
            add("query.padded", n + "= 1", MAY_ACCEPT).query(n, "%201");
            if (type.equals("integer")) {
                bad.add(new String[]{"query.number", "1.5"});
            }
            bounded(p, type, bad);
        } else if (type.equals("boolean")) {
            for (String v : new String[]{"yes", "1", "on", "maybe", "true%00"}) {
                bad.add(new String[]{"query.boolean", v});
            }
            add("query.padded", n + "= true", MAY_ACCEPT).query(n, "%20true");
            add("query.boolean-case", n + "=TRUE", MAY_ACCEPT).query(n, "TRUE");
        } else if ("date-time".equals(s.path("format").asText())) {
            for (String v : new String[]{"%2B1000000000-12-31T23%3A59%3A59Z", "-999999999-01-01T00%3A00%3A00Z", "2026-13-40T00%3A00%3A00Z",
                    "2026-13-40", "2026-11-27", "yesterday", "1700000000", "2026-11-27T25%3A00%3A00Z"}) {
                bad.add(new String[]{"query.date", v});
            }
        } else {
            String sample = encode(samples.getOrDefault(n, "fuzz"));
            for (String v : new String[]{sample + "%00", "%0D%0AX-Injected%3A%201", sample + "%1B", sample + "%07"}) {
                bad.add(new String[]{"query.control", v});
            }
            bad.add(new String[]{"query.bad-utf8", "%ED%A0%80"});
            bad.add(new String[]{"query.bad-utf8", sample + "%FF"});
            if (s.has("pattern")) {
                String outside = outsidePattern(s.get("pattern").asText());
                if (outside != null) {
                    bad.add(new String[]{"query.pattern", encode(outside)});
                }
            }
            if (s.has("maxLength")) {
                bad.add(new String[]{"query.too-long", encode(longText(s.get("maxLength").asInt() + 1))});
            }
            add("query.long", n + "=<10,000 chars>", MAY_ACCEPT).query(n, encode(longText(10_000)));
            add("query.unicode", n + "=odd unicode", s.has("pattern") ? MUST_REFUSE : MAY_ACCEPT)
                    .query(n, encode(ODD_UNICODE[ctx.random().nextInt(ODD_UNICODE.length)] + "fuzz"));
            add("query.injection", n + "=' OR 1=1", s.has("pattern") ? MUST_REFUSE : MAY_ACCEPT).query(n, encode("' OR '1'='1 --"));
            add("query.random", n + "=random text", s.has("pattern") ? MUST_REFUSE : MAY_ACCEPT).query(n, encode(hostile(false)));
            add("query.random-control", n + "=random with a control", MUST_REFUSE).query(n, encode(hostile(true)));
        }
        for (String[] b : bad) {
            add(b[0], n + "=" + b[1], MUST_REFUSE).query(n, b[1]);
        }
        add("query.repeated", n + " twice", MAY_ACCEPT).query(n, encode(Values.text(n, s, samples)) + "&" + n + "=" + encode(Values.text(n, s, samples)));
    }

    private void bounded(Parameter p, String type, List<String[]> bad) {
        JsonNode s = p.schema();
        boolean integer = type.equals("integer");
        if (s.has("minimum")) {
            double below = s.get("minimum").asDouble() - (integer ? 1 : 0.001);
            bad.add(new String[]{"query.out-of-range", integer ? String.valueOf((long) below) : String.valueOf(below)});
        } else {
            add("query.negative", p.name() + "=-1", MAY_ACCEPT).query(p.name(), "-1");
        }
        if (s.has("maximum")) {
            double above = s.get("maximum").asDouble() + (integer ? 1 : 0.001);
            bad.add(new String[]{"query.out-of-range", integer ? String.valueOf((long) above) : String.valueOf(above)});
            if (s.get("maximum").asDouble() < 1000) {
                bad.add(new String[]{"query.out-of-range", "1e3"});
            }
        }
    }

    private void headers() {
        var op = base.operation();
        if (op.body() != null) {
            for (String ct : new String[]{"text/plain", "application/xml", "garbage", "application/json; charset=ebcdic-fuzz",
                    "multipart/form-data", "application/x-www-form-urlencoded"}) {
                add("header.content-type", ct, MUST_REFUSE).header("Content-Type", ct);
            }
            add("header.content-type", "none", MUST_REFUSE).withoutHeader("Content-Type");
        }
        for (String accept : new String[]{"application/xml", "text/html", "garbage", "image/png", "application/json;q=0"}) {
            add("header.accept", accept, MAY_ACCEPT).header("Accept", accept);
        }
        if (op.hasHeader("If-Match")) {
            for (String v : new String[]{"\"abc\"", "W/\"1\"", "1", "", "\"-1\"", "\"99999999999999999999\"", "\"1\", \"2\"",
                    "\"" + longText(10_000) + "\"", "\"1\u00e9\""}) {
                add("header.if-match", v, MUST_REFUSE).header("If-Match", v);
            }
            add("header.if-match", "missing", MUST_REFUSE).withoutHeader("If-Match");
            add("header.raw-control", "If-Match with NUL", MUST_REFUSE).raw().header("If-Match", "\"1\u0000\"");
        }
        if (op.hasHeader("Idempotency-Key")) {
            add("header.idempotency-key", "10,000 chars", MUST_REFUSE).header("Idempotency-Key", longText(10_000));
            add("header.idempotency-key", "2,000 chars", MUST_REFUSE).header("Idempotency-Key", longText(2_000));
            add("header.raw-control", "Idempotency-Key with NUL", MUST_REFUSE).raw().header("Idempotency-Key", "k\u0000" + ctx.random().nextInt());
            add("header.raw-control", "Idempotency-Key with ESC", MUST_REFUSE).raw().header("Idempotency-Key", "k\u001b[2J" + ctx.random().nextInt());
        }
        add("header.request-id", "X-Request-Id 5,000 chars", MAY_ACCEPT).header("X-Request-Id", longText(5_000));
        add("header.raw-control", "X-Request-Id with NUL", MAY_ACCEPT).raw().header("X-Request-Id", "r\u0000id");
        // Without a body, over a raw socket: the server refuses on the header alone, answers 400 and closes without
        // reading further; a large body still being written (an import's CSV) made the close a reset, and java.net.http
        // lost the 400 to it now and then ("no answer"). What is under test is the header's refusal.
        add("header.huge", "a 20 KB header", MUST_REFUSE).raw().body(null).header("X-Fuzz", FuzzRequest.longText(20_000));
    }

    private void auth() {
        Verdict u = UNAUTHENTICATED;
        add("auth.none", "no token", u).client = null;
        for (String[] a : new String[][]{{"garbage", "Bearer garbage"}, {"empty", "Bearer "}, {"basic", "Basic ZGV2OmRldg=="},
                {"forged-signature", "Bearer " + ctx.forgedToken()}, {"expired-unsigned", "Bearer " + ctx.expiredToken()},
                {"long", "Bearer " + longText(6_000)}, {"two-tokens", "Bearer a, Bearer b"}}) {
            add("auth." + a[0], a[1], u).authorization = a[1];
        }
        if (ctx.lackingScopeClient() != null) {
            add("auth.lacking-scope", ctx.lackingScopeClient(), FORBIDDEN).client = ctx.lackingScopeClient();
        }
        // No token, whatever else is wrong, is 401: the first of each kind of bad request again without one.
        List<FuzzRequest> anonymous = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (FuzzRequest r : out) {
            // Not those refused for their size before anything is read (a header or target too large for the server).
            if (r.verdict() == MUST_REFUSE && !r.rawSocket && !r.kind().startsWith("path.") && r.inputLength() < 8_000
                    && !r.kind().startsWith("header.huge") && seen.add(r.kind())) {
                FuzzRequest a = r.as("auth.none+" + r.kind(), r.detail(), u);
                a.client = null;
                anonymous.add(a);
            }
        }
        out.addAll(anonymous);
    }

    /** A random string of hostile characters (quotes, percent signs, odd unicode), with a control character if asked. */
    String hostile(boolean withControl) {
        Random r = ctx.random();
        String alphabet = "abc'\"%<>{}[]\\/;:&=?#+ ~`$|^*()!@";
        StringBuilder s = new StringBuilder("fz");
        int length = 1 + r.nextInt(40);
        for (int i = 0; i < length; i++) {
            s.append(r.nextInt(5) == 0 ? ODD_UNICODE[r.nextInt(ODD_UNICODE.length)] : String.valueOf(alphabet.charAt(r.nextInt(alphabet.length()))));
        }
        if (withControl) {
            s.insert(r.nextInt(s.length() + 1), CONTROLS[r.nextInt(CONTROLS.length)]);
        }
        return s.toString();
    }

    static String control(Random random) {
        return CONTROLS[random.nextInt(CONTROLS.length)];
    }

    static String oddUnicode(Random random) {
        return ODD_UNICODE[random.nextInt(ODD_UNICODE.length)];
    }

    /** The top-level and second-level properties of an object schema, as (parent, name, schema, required). */
    record Property(String parent, String name, JsonNode schema, boolean required) {
    }

    static List<Property> properties(JsonNode schema) {
        List<Property> properties = new ArrayList<>();
        collect(null, schema, properties);
        Iterator<Map.Entry<String, JsonNode>> top = schema.path("properties").fields();
        while (top.hasNext()) {
            Map.Entry<String, JsonNode> p = top.next();
            if (p.getValue().has("properties")) {
                collect(p.getKey(), p.getValue(), properties);
            }
        }
        return properties;
    }

    private static void collect(String parent, JsonNode schema, List<Property> into) {
        Set<String> required = Values.required(schema);
        schema.path("properties").fields().forEachRemaining(p ->
                into.add(new Property(parent, p.getKey(), p.getValue(), required.contains(p.getKey()))));
    }

    static ObjectNode parsed(String json) {
        try {
            return (ObjectNode) Values.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A value the declared pattern does not match (null if it matches all of these). */
    static String outsidePattern(String pattern) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(pattern);
        for (String candidate : new String[]{"abc", "!x", "-", "9", "a b", "ABC-1_", "x".repeat(70)}) {
            if (!p.matcher(candidate).matches()) {
                return candidate;
            }
        }
        return null;
    }
}
