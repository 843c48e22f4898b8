package cn.changning.governance.localstack;

import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.DistrictUnitType;
import cn.changning.governance.reference.geography.Geography;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local stack's callers, for tools that drive it as its users would (system tests, benchmarks): tokens from its
 * authorisation server with the development secrets ({@code dev-<clientId>}), and which caller makes a call. A
 * report is the hotline's; an action on a case its street centre's; an agency's action on an order that agency's (a
 * street team's part its street centre's, a district unit's the district centre's); a street decision on an order
 * its street centre's; a read the district centre's.
 */
public final class LocalCallers {

    public static final String PARTNER = "partner-hotline-12345";
    /** The partner clients; on the local stack each has an Open311 api_key {@value #OPEN311_KEY_PREFIX}{@code <clientId>}. */
    public static final java.util.List<String> PARTNERS = java.util.List.of(PARTNER, "partner-city-platform");
    public static final String OPEN311_KEY_PREFIX = "dev-open311-";
    public static final String DISTRICT = "district-centre";
    /** The party-building registry's officer: reads, writes and members' personal data. */
    public static final String REGISTRY_OFFICER = "registry-officer";
    private static final String DEFAULT_STREET = "310105001";
    private static final Set<String> AGENCY_ACTIONS = Set.of("accept", "return", "report", "confirm", "extension-request");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AgencyDirectory AGENCIES = AgencyDirectory.load(Geography.load());

    private record Token(String value, Instant renewAt) {
    }

    private final String issuer;
    private final String gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    /** Where each case or order lies, once known: a case's or an order's street does not change. */
    private final Map<String, String> streets = new ConcurrentHashMap<>();

    /**
     * @param issuer  the stack's issuer, e.g. {@code http://127.0.0.1:9000} ({@link LocalStack#issuer()})
     * @param gateway the gateway's base URL, to read where a case or order lies
     */
    public LocalCallers(String issuer, String gateway) {
        this.issuer = issuer;
        this.gateway = gateway;
    }

    /** A token of the client, kept until shortly before it expires. */
    public String token(String clientId) {
        Token token = tokens.get(clientId);
        if (token == null || Instant.now().isAfter(token.renewAt())) {
            token = fetch(clientId);
            tokens.put(clientId, token);
        }
        return token.value();
    }

    /** The Authorization header of the caller that makes such a call. */
    public String authorization(String method, String path, String body) {
        return "Bearer " + token(callerFor(method, path, body));
    }

    /**
     * Tells where a case lies, for a tool that knows it (it reported the case there): its actions then need no
     * lookup, whose round trip would otherwise count in what a benchmark measures.
     */
    public void remember(String caseId, String streetCode) {
        streets.put(caseResource(caseId), streetCode);
    }

    /** A partner's Open311 api_key on the local stack (its development key). */
    public static String open311Key(String partnerClientId) {
        return OPEN311_KEY_PREFIX + partnerClientId;
    }

    /** The client that makes such a call (see the class comment). */
    public String callerFor(String method, String path, String body) {
        String[] parts = path.split("\\?")[0].split("/");
        if (path.startsWith("/api/v1/party/")) {
            return REGISTRY_OFFICER; // the registry's reads and writes, members' personal data included
        }
        if (!method.equals("POST")) {
            return DISTRICT;
        }
        if (path.equals("/api/v1/cases")) {
            return PARTNER;
        }
        if (path.startsWith("/api/v1/cases/") && parts.length > 4) {
            // "as of" the end of time: the case folded from its events, so a case reported a moment ago is known
            // before the read model has it (the street is placed from the report's position).
            return "street-" + streetOf(caseResource(parts[4]), false);
        }
        if (path.startsWith("/api/v1/dispatch-orders/") && parts.length > 5) {
            if (AGENCY_ACTIONS.contains(parts[5]) && parts.length == 6) {
                return actingClient(body == null ? null : read(body).path("agencyId").asText(null));
            }
            if (path.endsWith("/approve-at-district")) {
                return DISTRICT;
            }
            return "street-" + streetOf("/api/v1/dispatch-orders/" + parts[4], true);
        }
        if (path.startsWith("/api/v1/assessments/")) {
            return assessmentCaller(parts);
        }
        return DISTRICT;
    }

    /**
     * Who acts in the assessment: a street centre imports its survey and confirms its agencies' ratings, an agency's
     * parent department rates it; the district does the rest (opens, scores, confirms, records and corrects).
     */
    private static String assessmentCaller(String[] parts) {
        if (parts.length == 8 && parts[4].equals("surveys") && parts[7].equals("responses")) {
            return "street-" + parts[5];
        }
        if (parts.length == 9 && parts[4].equals("periods") && parts[6].equals("agencies")) {
            Agency agency = AGENCIES.find(parts[7]).orElse(null);
            if (agency != null && parts[8].equals("street-rating")) {
                return "street-" + agency.streetCode();
            }
            if (agency != null && parts[8].equals("department-rating") && agency.parentDepartment() != null) {
                return departmentClient(agency.parentDepartment());
            }
        }
        return DISTRICT;
    }

    /** A department's client, e.g. {@code department-district-housing-administration} for DISTRICT_HOUSING_ADMINISTRATION. */
    public static String departmentClient(String departmentCode) {
        return "department-" + departmentCode.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Who acts for a party of an order: a stationed agency itself, a street team its street centre, a district unit the district. */
    public static String actingClient(String agencyId) {
        Agency agency = agencyId == null ? null : AGENCIES.find(agencyId).orElse(null);
        if (agency == null) {
            return DISTRICT;
        }
        if (agency.type().isStreetTeam()) {
            return "street-" + agency.streetCode();
        }
        return agency.type() instanceof DistrictUnitType ? DISTRICT : "agency-" + agencyId;
    }

    private static String caseResource(String caseId) {
        return "/api/v1/cases/" + caseId + "?asOf=9999-12-31T00:00:00Z";
    }

    private String streetOf(String resource, boolean order) {
        String known = streets.get(resource);
        if (known != null) {
            return known;
        }
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(gateway + resource))
                .header("Authorization", "Bearer " + token(DISTRICT)).GET().build());
        if (r.statusCode() != 200) {
            return DEFAULT_STREET;
        }
        JsonNode view = read(r.body());
        JsonNode street = order ? view.path("order").path("streetCode") : view.path("streetCode");
        if (street.isMissingNode() || street.isNull()) {
            return DEFAULT_STREET;
        }
        streets.put(resource, street.asText());
        return street.asText();
    }

    private Token fetch(String clientId) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":dev-" + clientId).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("no token for " + clientId + ": " + answer.statusCode() + " " + answer.body());
        }
        JsonNode json = read(answer.body());
        long lifetime = json.path("expires_in").asLong(300);
        return new Token(json.get("access_token").asText(), Instant.now().plusSeconds(Math.max(10, lifetime - 60)));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
