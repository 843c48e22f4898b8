package cn.changning.governance.systemtests.fuzz;

import cn.changning.governance.systemtests.fuzz.ApiDocuments.Operation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request of the fuzz run: an operation's valid baseline with one thing made wrong, and what the platform must
 * answer to it. Path and query values are as sent on the wire (percent-encoded, unless a raw-socket mutation puts a
 * control character there on purpose); a path variable not set here is the operation's sample, read when sent.
 */
public final class FuzzRequest {

    /** What the answer must be. Every answer must in any case be no 5xx, and every 4xx problem+json. */
    public enum Verdict {
        /** Invalid in a way the server must detect: any 4xx, never 2xx. */
        MUST_REFUSE,
        /** Odd but harmless (an unknown query parameter, an odd Accept): may be served. */
        MAY_ACCEPT,
        /** No or no valid token: 401, whatever else is wrong. */
        UNAUTHENTICATED,
        /** A valid token without the operation's scope: 403. */
        FORBIDDEN
    }

    final Operation operation;
    String kind;
    String detail;
    Verdict verdict = Verdict.MAY_ACCEPT;
    final Map<String, String> pathValues = new LinkedHashMap<>();
    final Map<String, String> query = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    /** The body as sent (null: none); {@link #bodyBytes} when not UTF-8 text. */
    String body;
    byte[] bodyBytes;
    /** The client whose token is sent (null: none), unless {@link #authorization} says otherwise. */
    String client;
    String authorization;
    /** Sent over a plain socket: for what java.net.http refuses to send (control characters in the target or headers). */
    boolean rawSocket;
    /** The whole request target instead of the operation's path and the query (a path the operation does not declare). */
    String rawTarget;

    /** Stands for a long text in a body or header until it is sent, so that a plan of huge requests is small. */
    private static final Pattern LONG = Pattern.compile("__fuzz_long_(\\d+)__");

    static String longText(int length) {
        return "__fuzz_long_" + length + "__";
    }

    /** The text with each {@link #longText} placeholder made the long text it stands for. */
    static String expand(String text) {
        if (text == null || !text.contains("__fuzz_long_")) {
            return text;
        }
        Matcher m = LONG.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Mutations.longText(Integer.parseInt(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static long expandedLength(String text) {
        long n = text.length();
        Matcher m = LONG.matcher(text);
        while (m.find()) {
            n += Long.parseLong(m.group(1)) - m.group().length();
        }
        return n;
    }

    FuzzRequest(Operation operation) {
        this.operation = operation;
        this.kind = "baseline";
        this.detail = "";
    }

    public Operation operation() {
        return operation;
    }

    public String kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }

    public Verdict verdict() {
        return verdict;
    }

    FuzzRequest copy() {
        FuzzRequest c = new FuzzRequest(operation);
        c.kind = kind;
        c.detail = detail;
        c.verdict = verdict;
        c.pathValues.putAll(pathValues);
        c.query.putAll(query);
        c.headers.putAll(headers);
        c.body = body;
        c.bodyBytes = bodyBytes;
        c.client = client;
        c.authorization = authorization;
        c.rawSocket = rawSocket;
        c.rawTarget = rawTarget;
        return c;
    }

    /** A copy of this baseline as the given mutation. */
    FuzzRequest as(String kind, String detail, Verdict verdict) {
        FuzzRequest c = copy();
        c.kind = kind;
        c.detail = detail.length() > 80 ? detail.substring(0, 77) + "..." : detail;
        c.verdict = verdict;
        return c;
    }

    FuzzRequest path(String name, String wireValue) {
        pathValues.put(name, wireValue);
        return this;
    }

    FuzzRequest query(String name, String wireValue) {
        query.put(name, wireValue);
        return this;
    }

    FuzzRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    FuzzRequest withoutHeader(String name) {
        headers.keySet().removeIf(h -> h.equalsIgnoreCase(name));
        return this;
    }

    FuzzRequest body(String body) {
        this.body = body;
        this.bodyBytes = null;
        return this;
    }

    FuzzRequest bodyBytes(byte[] bytes) {
        this.bodyBytes = bytes;
        this.body = null;
        return this;
    }

    FuzzRequest raw() {
        this.rawSocket = true;
        return this;
    }

    /** The request target: the path with its variables (samples where not set) and the query. */
    String target(Map<String, String> samples) {
        if (rawTarget != null) {
            return rawTarget;
        }
        String path = operation.path();
        for (ApiDocuments.Parameter p : operation.in("path")) {
            String value = pathValues.containsKey(p.name()) ? pathValues.get(p.name()) : Values.encode(samples.getOrDefault(p.name(), "x"));
            path = path.replace("{" + p.name() + "}", value);
        }
        StringBuilder target = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> q : query.entrySet()) {
            target.append(sep).append(q.getKey()).append('=').append(q.getValue());
            sep = '&';
        }
        return target.toString();
    }

    /** How much the caller sent, to judge whether an answer echoes it. */
    long inputLength() {
        long n = (rawTarget == null ? 0 : rawTarget.length()) + pathValues.values().stream().mapToLong(String::length).sum()
                + query.values().stream().mapToLong(String::length).sum() + headers.values().stream().mapToLong(FuzzRequest::expandedLength).sum();
        return n + (body != null ? expandedLength(body) : bodyBytes != null ? bodyBytes.length : 0);
    }
}
