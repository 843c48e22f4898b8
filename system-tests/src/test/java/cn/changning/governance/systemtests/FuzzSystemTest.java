package cn.changning.governance.systemtests;

import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.localstack.LocalCallers;
import cn.changning.governance.syntheticdata.ResidentIdentityNumbers;
import cn.changning.governance.localstack.LocalStack;
import cn.changning.governance.systemtests.fuzz.ApiDocuments;
import cn.changning.governance.systemtests.fuzz.ApiDocuments.Operation;
import cn.changning.governance.systemtests.fuzz.FuzzCatalogue;
import cn.changning.governance.systemtests.fuzz.FuzzReport;
import cn.changning.governance.systemtests.fuzz.FuzzRequest;
import cn.changning.governance.systemtests.fuzz.FuzzRunner;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform's own fuzz suite: every operation of every service's OpenAPI document, through the gateway, with
 * malformed and hostile paths, parameters, headers, bodies and tokens (see {@code fuzz.Mutations}). The short form
 * (at least 5,000 requests) runs in the test command; the long form on demand:
 * <pre>flock /work/build.lock ./mvnw -o -q -pl system-tests -am verify -Dtest=FuzzSystemTest -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.requests=100000</pre>
 * ({@code -Dfuzz.seed} repeats a run, {@code -Dfuzz.clients} sets the concurrent clients). The summary is printed and
 * written to {@code target/fuzz-report.txt}; the test fails at the end with every failure grouped by check.
 */
class FuzzSystemTest {

    /** The services whose documents are read (the gateway routes to each). */
    static final List<String> SERVICES = List.of("case-service", "dispatch-service", "assessment-service", "party-registry-service");
    static final String ITEM = "0101";
    static final String GRID = "310105001000001";

    static LocalStack stack;
    static PlatformClient client;
    /** Each operation's sample values: real ids (a case, an order, codes) read or made through the API. */
    static final Map<String, Map<String, String>> samples = new ConcurrentHashMap<>();
    private static final ExecutorService ORDERS = Executors.newSingleThreadExecutor();
    private static final Set<String> ordersUnderway = ConcurrentHashMap.newKeySet();

    @Test
    void noBadRequestBreaksThePlatformOrIsTaken() throws IOException {
        long seed = Long.getLong("fuzz.seed", 20261201L);
        int requests = Integer.getInteger("fuzz.requests", 5_000);
        int clients = Integer.getInteger("fuzz.clients", 4);
        stack = SharedStack.get();
        client = new PlatformClient(stack);
        LocalCallers callers = client.callers();

        List<Operation> operations = ApiDocuments.read(SERVICES, stack.gatewayPort());
        System.out.println("fuzz: " + operations.size() + " operations in the documents of " + SERVICES + ", seed " + seed);
        assertThat(operations).as("operations in the services' documents").isNotEmpty();
        Map<String, String> common = commonSamples();
        for (Operation op : operations) {
            samples.put(op.id(), new ConcurrentHashMap<>(common));
        }
        giveEachActionItsOwnTarget(operations);

        FuzzCatalogue catalogue = new FuzzCatalogue(seed, callers::callerFor, FuzzSystemTest::lackingScopeClient,
                callers.token(LocalCallers.DISTRICT), stack.issuer());
        List<FuzzRequest> baselines = catalogue.baselines(operations, op -> samples.get(op.id()));
        FuzzRunner runner = new FuzzRunner(stack.gatewayPort(), callers::token, op -> samples.get(op.id()), FuzzSystemTest::replaceTarget);
        // The first round whole, so that every operation meets every mutation; then as many more as asked for.
        List<FuzzRunner.Result> results = new ArrayList<>(runner.run(catalogue.round(0, baselines, op -> samples.get(op.id())), clients));
        for (int round = 1; results.size() + baselines.size() < requests; round++) {
            List<FuzzRequest> next = catalogue.round(round, baselines, op -> samples.get(op.id()));
            results.addAll(runner.run(next.subList(0, Math.min(next.size(), requests - baselines.size() - results.size())), clients));
        }
        // The baselines last: an action's valid request changes its case, which its mutations should not find changed.
        List<FuzzRunner.Result> valid = runner.run(baselines, clients);
        FuzzRunner.compareWithBaselines(results, valid);
        results.addAll(valid);
        FuzzReport report = new FuzzReport(seed, results);
        String summary = report.summary() + baselines(results);
        System.out.println(summary);
        Files.writeString(Path.of("target", "fuzz-report.txt"), summary + "\nevery failure:\n" + report.failureList());

        assertThat(results.size()).as("requests sent").isGreaterThanOrEqualTo(requests);
        List<String> afterwards = whatIsWrongAfterTheRun();
        assertThat(report.failures().isEmpty() && afterwards.isEmpty())
                .as(report.assertionMessage(12) + "after the run: " + (afterwards.isEmpty() ? "healthy" : afterwards)).isTrue();
    }

    /** Codes and ids every operation may use: a street, grid, residential area, item, the lead agency of an order. */
    private static Map<String, String> commonSamples() {
        Map<String, String> s = new LinkedHashMap<>();
        String original = client.reportCase("fuzz: an open case, the original of duplicates");
        String orderId = fileAndAwaitItsOrder(client.reportCase("fuzz: a case with an order"));
        JsonNode order = orderOf(orderId);
        String street = order.path("streetCode").asText("310105001");
        String lead = order.path("leadAgencyId").asText();
        s.put("caseId", original);
        s.put("originalCaseId", original);
        s.put("orderId", orderId);
        s.put("agencyId", lead);
        s.put("returnedAgencyId", lead);
        s.put("toAgencyId", lead);
        for (String name : List.of("streetCode", "street", "subdistrict")) {
            s.put(name, street);
        }
        s.put("grid", GRID);
        s.put("gridCode", GRID);
        s.put("item", ITEM);
        s.put("itemCode", ITEM);
        s.put("lat", "31.2155");
        s.put("latitude", "31.2155");
        s.put("lng", "121.4231");
        s.put("longitude", "121.4231");
        s.put("description", "fuzz baseline");
        JsonNode areas = PlatformClient.json(client.get("/api/v1/geography/residential-areas?grid=" + GRID).body());
        if (areas.isArray() && !areas.isEmpty()) {
            s.put("residentialArea", areas.get(0).path("code").asText());
        }
        return s;
    }

    /**
     * An action finds its case or order in the state its baseline needs only if no other action changed it: each case
     * action acts on a case of its own, just reported, each order action on an order of its own, just issued. A code
     * in a path ({@code /grids/{code}}) is a code of the kind the path names.
     */
    private static void giveEachActionItsOwnTarget(List<Operation> operations) {
        Map<String, String> common = samples.get(operations.get(0).id());
        for (Operation op : operations) {
            Map<String, String> s = samples.get(op.id());
            boolean action = op.method().equals("POST");
            if (action && op.path().contains("{caseId}")) {
                s.put("caseId", client.reportCase("fuzz: the case of " + op.id()));
            }
            if (action && op.path().contains("{orderId}")) {
                String orderId = fileAndAwaitItsOrder(client.reportCase("fuzz: the order of " + op.id()));
                orderOf(orderId);
                s.put("orderId", orderId);
            }
            if (op.path().startsWith("/api/v1/assessments/")) {
                assessmentSamples(s);
            }
            if (op.path().startsWith("/api/v1/party/")) {
                registrySamples(s);
                registryAreaSample(op, s);
            }
            if (op.path().endsWith("/{code}")) {
                String kind = op.path().split("/")[op.path().split("/").length - 2];
                s.put("code", switch (kind) {
                    case "subdistricts" -> common.get("streetCode");
                    case "grids" -> GRID;
                    case "residential-areas" -> common.getOrDefault("residentialArea", "x");
                    default -> ITEM;
                });
            }
        }
    }

    /**
     * The assessment's own: a period and year of the fuzz's own (2019: no other test assesses it, and its baselines may
     * open and score it), a stationed agency (the assessment rates the streets' agencies, not the district units an
     * order may go to), a head's staff id, a scheme, an indicator.
     */
    private static void assessmentSamples(Map<String, String> s) {
        s.put("period", "2019");
        s.put("year", "2019");
        s.put("agencyId", s.getOrDefault("streetCode", "310105001") + "-squad");
        s.put("headStaffId", "head-0001");
        s.put("schemeId", "agency-2016.v1");
        s.put("indicator", "HANDLING_RATE");
        // a survey row of the fuzz's year, answering one question
        s.put("responseId", "fuzz-response-1");
        s.put("answeredOn", "2019-06-01");
        s.put("Q01", "3");
    }

    /** The registry's records the fuzz's requests name: registered once through the API, before the run. */
    private static Map<String, String> registry;

    /**
     * The registry's own: a committee of the fuzz's own with a member, a building, a unit and an officer in its street
     * (real ids, so a baseline names records that exist), a valid identity number (its check character right), codes.
     * The baselines' registrations register or verify these same records (their codes are the samples).
     */
    private static synchronized void registrySamples(Map<String, String> s) {
        if (registry == null) {
            Map<String, String> r = new LinkedHashMap<>();
            String street = "310105001";
            String area = "310105001001";
            String organization = registered("/api/v1/party/organizations", """
                    {"code":"fuzz-committee","name":"fuzz committee","kind":"RESIDENTIAL_AREA","level":"COMMITTEE",
                     "streetCode":"%s","residentialAreaCode":"%s","foundedOn":"2001-07-01"}""".formatted(street, area));
            String first17 = "31010519800101123";
            String identityNumber = first17 + ResidentIdentityNumbers.checkCharacter(first17);
            String member = registered("/api/v1/party/members", """
                    {"organizationId":"%s","name":"模糊测试","identityNumber":"%s","phone":"13900000000","address":"fuzz",
                     "category":"FULL","joinedOn":"2010-07-01"}""".formatted(organization, identityNumber));
            String building = registered("/api/v1/party/buildings", """
                    {"code":"fuzz-building","name":"fuzz building","streetCode":"%s","residentialAreaCode":"%s","floors":12}"""
                    .formatted(street, area));
            String unit = registered("/api/v1/party/resident-units", """
                    {"creditCode":"fuzz-unit","name":"fuzz unit","category":"NEW_ECONOMIC","streetCode":"%s",
                     "residentialAreaCode":"%s","buildingId":"%s","employees":10}""".formatted(street, area, building));
            String officer = registered("/api/v1/party/police-officers", """
                    {"badgeNumber":"900001","name":"模糊警官","streetCode":"%s"}""".formatted(street));
            for (String name : List.of("organizationId", "parentId", "toOrganizationId", "organization", "parent")) {
                r.put(name, organization);
            }
            for (String name : List.of("memberId", "visitorMemberId", "partyMemberId", "member")) {
                r.put(name, member);
            }
            r.put("workerId", registered("/api/v1/party/party-workers",
                    "{\"staffNumber\":\"fuzz-worker\",\"name\":\"模糊工作者\",\"streetCode\":\"" + street + "\",\"fullTime\":true}"));
            r.put("recordId", registered("/api/v1/party/activities", "{\"organizationId\":\"" + organization
                    + "\",\"kind\":\"THEME_PARTY_DAY\",\"title\":\"fuzz\",\"heldOn\":\"2019-07-01\",\"participants\":3}"));
            String massOrganization = "{\"code\":\"fuzz-%s\",\"name\":\"fuzz\",\"streetCode\":\"" + street
                    + "\",\"unitId\":\"" + unit + "\",\"members\":30}";
            r.put("tradeUnionId", registered("/api/v1/party/trade-unions", massOrganization.formatted("union")));
            r.put("youthLeagueId", registered("/api/v1/party/youth-league-organizations", massOrganization.formatted("league")));
            r.put("areaCode", area);
            r.put("buildingId", building);
            r.put("unitId", unit);
            r.put("officerId", officer);
            r.put("identityNumber", identityNumber);
            r.put("streetCode", street);
            r.put("street", street);
            r.put("residentialAreaCode", area);
            r.put("residentialArea", area);
            r.put("phone", "13900000000");
            // An upload: the committee's own row again (counted unchanged), and the job it made.
            String csv = "code,name,kind,level,parentCode,streetCode,residentialAreaCode,foundedOn\r\n"
                    + "fuzz-committee,fuzz committee,RESIDENTIAL_AREA,COMMITTEE,," + street + "," + area + ",2001-07-01\r\n";
            r.put("text/csv", csv);
            HttpResponse<String> upload = client.send(LocalCallers.REGISTRY_OFFICER, "POST", "/api/v1/party/imports?kind=organizations",
                    "text/csv", csv);
            assertThat(upload.statusCode()).as("import: " + upload.body()).isEqualTo(202);
            r.put("jobId", PlatformClient.json(upload.body()).path("jobId").asText());
            registry = r;
        }
        s.putAll(registry);
    }

    /**
     * A registry action that uses up its target gets one of its own: an erasure its own member (the others' member stays
     * readable), a release an area of its own with two officers in post (first in, then out: one may leave).
     */
    private static final AtomicInteger BADGES = new AtomicInteger(900_100);

    private static void registryAreaSample(Operation op, Map<String, String> s) {
        if (op.path().startsWith("/api/v1/party/trade-unions/{id}")) {
            s.put("id", registry.get("tradeUnionId"));
        }
        if (op.path().startsWith("/api/v1/party/youth-league-organizations/{id}")) {
            s.put("id", registry.get("youthLeagueId"));
        }
        if (op.path().equals("/api/v1/party/imports")) {
            s.put("kind", "organizations"); // the upload's kind (elsewhere "kind" is an organisation's or a record's)
        }
        if (op.path().startsWith("/api/v1/party/residential-areas/{code}")) {
            s.put("code", registry.get("residentialAreaCode"));
        }
        if (op.method().equals("POST") && op.path().endsWith("/{memberId}/erasure")) {
            String first17 = "31010519810202456";
            s.put("memberId", registered("/api/v1/party/members", """
                    {"organizationId":"%s","name":"模糊擦除","identityNumber":"%s","category":"FULL","joinedOn":"2011-07-01"}"""
                    .formatted(registry.get("organizationId"), first17 + ResidentIdentityNumbers.checkCharacter(first17))));
        }
        if (op.method().equals("POST") && op.path().endsWith("/officers/{officerId}/release")) {
            String area = "310105001002";
            String leaving = registered("/api/v1/party/police-officers", """
                    {"badgeNumber":"%d","name":"模糊警官乙","streetCode":"310105001"}""".formatted(BADGES.incrementAndGet()));
            String staying = registered("/api/v1/party/police-officers", """
                    {"badgeNumber":"%d","name":"模糊警官丙","streetCode":"310105001"}""".formatted(BADGES.incrementAndGet()));
            for (String officer : List.of(leaving, staying)) {
                // The area checks the officer in the read model: a moment after the registration it is there.
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> client.as(
                        LocalCallers.REGISTRY_OFFICER, "POST", "/api/v1/party/residential-areas/" + area + "/officers",
                        "{\"officerId\":\"" + officer + "\",\"inPostFrom\":\"2015-01-01\"}", "*").statusCode() == 200);
            }
            s.put("code", area);
            s.put("officerId", leaving);
        }
    }

    /** The id a registration answers (201, or 200 when the same record was registered before). */
    private static String registered(String path, String body) {
        HttpResponse<String> answer = client.as(LocalCallers.REGISTRY_OFFICER, "POST", path, body, null);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isIn(200, 201);
        JsonNode json = PlatformClient.json(answer.body());
        return json.hasNonNull("id") ? json.get("id").asText() : json.path("officerId").asText();
    }

    /**
     * An action was carried out (by a request that may or should not have been): the action gets a new case at once,
     * a new order once issued (meanwhile its requests meet the changed one and are refused for its state).
     */
    private static void replaceTarget(FuzzRequest consumed) {
        Operation op = consumed.operation();
        if (op.path().endsWith("/officers/{officerId}/release")) {
            registryAreaSample(op, samples.get(op.id()));
            return;
        }
        if (op.path().contains("{caseId}")) {
            samples.get(op.id()).put("caseId", client.reportCase("fuzz: a new case of " + op.id()));
        } else if (op.path().contains("{orderId}") && ordersUnderway.add(op.id())) {
            ORDERS.submit(() -> {
                try {
                    String orderId = fileAndAwaitItsOrder(client.reportCase("fuzz: a new order of " + op.id()));
                    orderOf(orderId);
                    samples.get(op.id()).put("orderId", orderId);
                } finally {
                    ordersUnderway.remove(op.id());
                }
            });
        }
    }

    private static String fileAndAwaitItsOrder(String caseId) {
        HttpResponse<String> filed = client.action("/api/v1/cases/" + caseId + "/file", "{}", "*");
        assertThat(filed.statusCode()).as("file: " + filed.body()).isEqualTo(200);
        return caseId + "-r0";
    }

    private static JsonNode orderOf(String orderId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> r = client.get("/api/v1/dispatch-orders/" + orderId);
            return r.statusCode() == 200 ? PlatformClient.json(r.body()) : null;
        }, o -> o != null && o.path("order").path("version").asLong() >= 2).get("order");
    }

    /**
     * A client of the platform whose token lacks every scope the operation declares. While the documents declare none,
     * the registry's staff, who reach neither cases nor dispatch, for all but the reference data every caller reads.
     */
    private static String lackingScopeClient(Operation op) {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        kinds.put("registry-staff", Scopes.REGISTRY_STAFF_SCOPES);
        kinds.put(LocalCallers.PARTNER, Scopes.PARTNER_SCOPES);
        kinds.put("street-310105001", Scopes.STREET_CENTRE_SCOPES);
        kinds.put(LocalCallers.DISTRICT, Scopes.DISTRICT_CENTRE_SCOPES);
        if (!op.scopes().isEmpty()) {
            return kinds.entrySet().stream().filter(k -> k.getValue().stream().noneMatch(op.scopes()::contains))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
        }
        String p = op.path();
        boolean reference = p.startsWith("/api/v1/geography") || p.startsWith("/api/v1/catalogue")
                || p.startsWith("/api/v1/responsibility-list") || p.equals("/api/v1/agencies") || p.equals("/api/v1/agencies/{agencyId}");
        return reference ? null : "registry-staff";
    }

    private static String baselines(List<FuzzRunner.Result> results) {
        StringBuilder b = new StringBuilder("\nbaselines (the valid request of each operation, sent last):\n");
        results.stream().filter(r -> r.request().kind().equals("baseline")).forEach(r -> b.append(String.format("  %-70s %d %s%n",
                r.request().operation().id(), r.status(), r.status() < 300 ? "" : r.body().substring(0, Math.min(160, r.body().length())))));
        return b.toString();
    }

    /**
     * The platform after the run: every service and the gateway UP, a normal report taken, and no case whose dispatch
     * side is missing or disagrees (the operators' consistency check), so a bad request left nothing half done.
     */
    private static List<String> whatIsWrongAfterTheRun() {
        List<String> wrong = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Integer> ports = new LinkedHashMap<>();
        SERVICES.forEach(s -> ports.put(s, stack.servicePort(s)));
        ports.put("gateway", stack.gatewayManagementPort()); // its actuator is on the management port only
        ports.forEach((name, port) -> {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (!PlatformClient.json(health.body()).path("status").asText().equals("UP")) {
                    wrong.add(name + " health: " + health.body());
                }
            } catch (IOException | RuntimeException e) {
                wrong.add(name + " health: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        HttpResponse<String> report = client.post("/api/v1/cases", PlatformClient.reportBody("fuzz: a normal report after the run"));
        if (report.statusCode() != 201) {
            wrong.add("a normal report: " + report.statusCode() + " " + report.body());
        }
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> PlatformClient.json(
                    client.get("/api/v1/dispatch/consistency?settledFor=PT1S&size=5").body()).path("total").asLong(-1) == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            wrong.add("the consistency check: " + client.get("/api/v1/dispatch/consistency?settledFor=PT1S&size=5").body());
        }
        return wrong;
    }
}
