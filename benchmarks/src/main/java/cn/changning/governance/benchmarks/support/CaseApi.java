package cn.changning.governance.benchmarks.support;

import cn.changning.governance.reference.geography.GeoPoint;
import cn.changning.governance.reference.geography.Geography;

import cn.changning.governance.benchmarks.core.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The case and dispatch REST calls the scenarios make. Reports are for a real item at a real
 * place (rubbish at a bus stop on Tianshan Road, item 1101), so filing, routing and dispatch
 * succeed the way they do for partners.
 */
public final class CaseApi {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Http http;

    public CaseApi(Http http) {
        this.http = http;
    }

    public Http http() {
        return http;
    }

    /** Tianshan Road, by the bus stop: every benchmark report lies within a few metres of it. */
    static final double LAT = 31.2120;
    static final double LNG = 121.4075;
    static final String REPORT_STREET = Geography.load().gridAt(GeoPoint.of(LAT, LNG))
            .orElseThrow(() -> new IllegalStateException("the benchmark's report location lies in no grid")).subdistrictCode();

    public static String reportBody() {
        long n = SEQUENCE.incrementAndGet();
        // Spread over a few hundred metres so reports are not all at one point.
        double lat = LAT + (n % 17) * 0.00001;
        double lng = LNG + (n % 13) * 0.00001;
        return "{\"itemCode\":\"1101\",\"location\":{\"latitude\":" + lat + ",\"longitude\":" + lng
                + ",\"gridCode\":null,\"address\":\"Tianshan Road bus stop " + n + "\"},"
                + "\"description\":\"Rubbish bags piled at the bus stop (benchmark " + n + ")\","
                + "\"source\":\"RESIDENT\",\"reporter\":{\"name\":\"Li\",\"contact\":\"138\"}}";
    }

    /** POST /api/v1/cases; the new case's id, or empty when the answer was not 201. */
    public Optional<String> report(String baseUrl) {
        Http.Response r = http.post(baseUrl + "/api/v1/cases", reportBody());
        if (r.status() != 201) {
            return Optional.empty();
        }
        Optional<String> id = r.location() != null
                ? Optional.of(r.location().substring(r.location().lastIndexOf('/') + 1))
                : Optional.ofNullable(field(r.body(), "caseId"));
        // The street centre that acts on it is known from where it was reported: no lookup inside a measured call.
        id.ifPresent(caseId -> http.callers().remember(caseId, REPORT_STREET));
        return id;
    }

    /** Files a case just reported: version 0, its ETag as the create answered it. */
    public Http.Response file(String baseUrl, String caseId) {
        return http.post(baseUrl + "/api/v1/cases/" + caseId + "/file", "{}", etag(0));
    }

    /** A version as the ETag an action sends back in If-Match. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public Http.Response getCase(String baseUrl, String caseId) {
        return http.get(baseUrl + "/api/v1/cases/" + caseId);
    }

    public static String field(String json, String name) {
        JsonNode node = parse(json).get(name);
        return node == null || node.isNull() ? null : node.asText();
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
