package cn.changning.governance.cases.api;

import cn.changning.governance.cases.support.CaseServiceIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API's reference data, duplicates, holds and its answers to bad input (4xx problem+json, never 500). */
class CaseApiIntegrationTest extends CaseServiceIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.cloud.stream.binding.BindingsLifecycleController bindings;

    /** Xinhua Road grid 3. */
    static final double LAT = 31.1955;
    static final double LNG = 121.4365;

    @Test
    void aReportIsReadableByItsIdAtOnceEvenBeforeTheReadModelHasIt() {
        bindings.stop("case-projection-in-0");
        try {
            ResponseEntity<String> created = send(org.springframework.http.HttpMethod.POST, "/api/v1/cases",
                    reportBody("0101", LAT, LNG, "Cover rocking, read at once"), null);
            assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            String location = created.getHeaders().getLocation().toString();
            String id = location.substring(location.lastIndexOf('/') + 1);

            ResponseEntity<String> read = http.getForEntity("/api/v1/cases/" + id, String.class);
            assertThat(read.getStatusCode()).as(read.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(read.getHeaders().getETag()).isEqualTo("\"0\"");
            assertThat(json(read).get("step").asText()).isEqualTo("REPORTED");
            assertThat(json(read).get("reportedBy").asText()).isEqualTo(PARTNER.clientId());
            assertThat(get("/api/v1/cases?q=read%20at%20once").get("total").asLong())
                    .as("the read model has not seen it: the answer was folded from its events").isZero();
        } finally {
            bindings.start("case-projection-in-0");
        }
    }

    @Test
    void geographyServesTheDistrictAndResolvesPoints() {
        assertThat(get("/api/v1/geography/subdistricts").size()).isEqualTo(10);
        assertThat(get("/api/v1/geography/grids").size()).isEqualTo(33);
        assertThat(get("/api/v1/geography/residential-areas").size()).isEqualTo(185);
        assertThat(get("/api/v1/geography/grids?subdistrict=310105006").size()).isEqualTo(3);
        assertThat(get("/api/v1/geography/grids/at?lat=" + LAT + "&lng=" + LNG).get("code").asText()).isEqualTo("310105004000003");
        assertThat(get("/api/v1/geography/residential-areas?grid=310105004000003").size()).isGreaterThan(0);

        ResponseEntity<String> outside = http.getForEntity("/api/v1/geography/grids/at?lat=31.2304&lng=121.5055", String.class);
        assertProblem(outside, HttpStatus.NOT_FOUND, "location-outside-grids");
        ResponseEntity<String> impossible = http.getForEntity("/api/v1/geography/grids/at?lat=91&lng=121.5", String.class);
        assertThat(impossible.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/v1/geography/grids/310105999000001", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theCatalogueIsFilteredByClassCategoryAndHandlingType() {
        JsonNode all = get("/api/v1/catalogue/items");
        assertThat(all.get("total").asInt()).isEqualTo(181);
        JsonNode components = get("/api/v1/catalogue/items?class=COMPONENT&handlingType=C");
        assertThat(components.get("total").asInt()).isPositive().isLessThan(181);
        components.get("items").forEach(i -> {
            assertThat(i.get("itemClass").asText()).isEqualTo("COMPONENT");
            assertThat(i.get("handlingType").asText()).isEqualTo("C");
        });
        get("/api/v1/catalogue/items?category=STREET_ORDER").get("items")
                .forEach(i -> assertThat(i.get("category").asText()).isEqualTo("STREET_ORDER"));
        JsonNode construction = get("/api/v1/catalogue/items/1301");
        assertThat(construction.get("persistentProblem").asBoolean()).isTrue();
        assertThat(construction.get("timeLimit").get("unit").asText()).isEqualTo("WORKING_DAYS");

        assertThat(http.getForEntity("/api/v1/catalogue/items/9999", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertProblemField(http.getForEntity("/api/v1/catalogue/items?class=GADGET", String.class), HttpStatus.BAD_REQUEST, "class");
    }

    @Test
    void badInputIsAProblemNamingTheCause() {
        String id = report(reportBody("0101", LAT, LNG, "Cover missing"));

        // who acts is the token's caller: a body naming someone else is refused, naming the field
        assertProblemField(action(id, "file", "{\"filedBy\":\"operator-somewhere\"}", "\"0\""), HttpStatus.FORBIDDEN, "filedBy");
        assertProblemField(action(id, "file", "{\"itemCode\":\"12\"}", "\"0\""), HttpStatus.BAD_REQUEST, "itemCode");
        assertProblem(action(id, "file", "{\"itemCode\":\"9999\"}", "\"0\""), HttpStatus.UNPROCESSABLE_ENTITY, "unknown-item");
        assertProblem(action(id, "file", "{\"residentialAreaCode\":\"310105001012\"}", "\"0\""),
                HttpStatus.UNPROCESSABLE_ENTITY, "residential-area-outside-grid");
        assertProblemField(action(id, "reject", "{\"reason\":\"BORING\"}", "\"0\""), HttpStatus.BAD_REQUEST, "reason");
        assertProblem(action(id, "close", "{\"resolution\":\"FIXED\"}", "\"0\""), HttpStatus.CONFLICT, "case-not-verified");
        assertProblem(action(id, "feedback", "{\"satisfaction\":\"SATISFIED\"}", "\"0\""), HttpStatus.CONFLICT, "case-not-closed");
        assertProblem(action(id, "file", "{}", "\"seven\""), HttpStatus.UNPROCESSABLE_ENTITY, "invalid-if-match");
        assertProblem(action(id, "file", "{not json", "\"0\""), HttpStatus.BAD_REQUEST, "malformed-request");
        assertThat(action("no-such-case", "file", "{}", "*").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // none of the refusals changed the case
        assertThat(awaitCase(id, c -> true).get("version").asLong()).isZero();

        String outside = report(reportBody("0101", 31.2304, 121.5055, "Cover missing in Lujiazui"));
        assertProblemField(action(outside, "file", "{}", "\"0\""), HttpStatus.UNPROCESSABLE_ENTITY, "location");

        assertProblemField(http.getForEntity("/api/v1/cases?step=LOST", String.class), HttpStatus.BAD_REQUEST, "step");
        assertProblemField(http.getForEntity("/api/v1/cases?size=1000", String.class), HttpStatus.BAD_REQUEST, "size");
        assertProblemField(http.getForEntity("/api/v1/cases/" + id + "?asOf=yesterday", String.class), HttpStatus.BAD_REQUEST, "asOf");
        assertThat(http.getForEntity("/api/v1/cases/" + id + "?asOf=2000-01-01T00:00:00Z", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/v1/cases/no-such-case/timeline", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** RFC 9110 / 6585: an action needs If-Match; a stale one fails the precondition; * is any current version. */
    @Test
    void anActionNeedsIfMatchAndAStaleOneFailsThePrecondition() {
        String id = report(reportBody("0101", LAT, LNG + 0.0003, "Cover rattles"));

        ResponseEntity<String> without = action(id, "file", "{}", null);
        assertProblem(without, HttpStatus.PRECONDITION_REQUIRED, "precondition-required");
        assertThat(json(without).get("errors").findValuesAsText("field")).containsExactly("If-Match");

        ResponseEntity<String> future = action(id, "file", "{}", "\"7\"");
        assertProblem(future, HttpStatus.PRECONDITION_FAILED, "precondition-failed");
        assertThat(json(future).get("currentVersion").asLong()).isZero();
        assertThat(future.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(awaitCase(id, c -> true).get("version").asLong()).as("refused preconditions change nothing").isZero();

        ResponseEntity<String> any = action(id, "file", "{}", "*");
        assertThat(any.getStatusCode()).as(any.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(any.getHeaders().getETag()).isEqualTo("\"1\"");

        // Version 0 is stale now: the suspension is refused, the client learns version 1 and retries with it.
        ResponseEntity<String> stale = action(id, "suspend", "{\"reason\":\"court\",\"approvedBy\":\"d\"}", "\"0\"");
        assertProblem(stale, HttpStatus.PRECONDITION_FAILED, "precondition-failed");
        assertThat(json(stale).get("currentVersion").asLong()).isEqualTo(1);
        ResponseEntity<String> retried = action(id, "suspend", "{\"reason\":\"court\",\"approvedBy\":\"d\"}",
                stale.getHeaders().getETag());
        assertThat(retried.getHeaders().getETag()).isEqualTo("\"2\"");

        // Stale and refused by the current state too (a case on hold cannot be closed): the stale version is what
        // the client must hear first, so it reads again, rather than the rule.
        ResponseEntity<String> staleAndRefused = action(id, "close", "{\"resolution\":\"FIXED\"}", "\"1\"");
        assertProblem(staleAndRefused, HttpStatus.PRECONDITION_FAILED, "precondition-failed");
        assertThat(json(staleAndRefused).get("currentVersion").asLong()).isEqualTo(2);
        assertProblem(action(id, "close", "{\"resolution\":\"FIXED\"}", "\"2\""), HttpStatus.CONFLICT, "case-suspended");

        assertProblemField(http.getForEntity("/api/v1/cases?page=-1", String.class), HttpStatus.BAD_REQUEST, "page");
        assertProblemField(http.getForEntity("/api/v1/cases?size=101", String.class), HttpStatus.BAD_REQUEST, "size");
        assertProblemField(http.getForEntity("/api/v1/cases/" + id + "/duplicate-candidates?size=abc", String.class),
                HttpStatus.BAD_REQUEST, "size");
    }

    @Test
    void aDuplicateIsFoundNearbyAndLinkedBothWays() {
        String original = report(reportBody("1203", LAT + 0.0001, LNG, "Illegal banner on the railings"));
        String duplicate = report(reportBody("1203", LAT + 0.0002, LNG, "Banner on the railings again"));

        JsonNode candidates = get("/api/v1/cases/" + duplicate + "/duplicate-candidates");
        assertThat(candidates.get("total").asLong()).isEqualTo(candidates.get("items").size());
        List<String> ids = new ArrayList<>();
        candidates.get("items").forEach(c -> ids.add(c.get("caseId").asText()));
        assertThat(ids).contains(original).doesNotContain(duplicate);

        assertProblemField(action(duplicate, "mark-duplicate", "{\"originalCaseId\":\"" + duplicate + "\"}", "\"0\""),
                HttpStatus.UNPROCESSABLE_ENTITY, "originalCaseId");
        // An original that does not exist refuses the link when it learns of it: the report is back, not half-linked.
        assertThat(action(duplicate, "mark-duplicate", "{\"originalCaseId\":\"no-such-case\"}", "\"0\"")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode back = awaitStep(duplicate, "REPORTED", 2);
        JsonNode timeline = get("/api/v1/cases/" + duplicate + "/timeline").get("entries");
        assertThat(timeline.get(timeline.size() - 1).get("event").asText()).isEqualTo("CaseDuplicateLinkRefused");
        assertThat(back.get("rejection").isNull() || back.get("rejection").isMissingNode()).isTrue();

        ResponseEntity<String> marked = action(duplicate, "mark-duplicate",
                "{\"originalCaseId\":\"" + original + "\",\"note\":\"same banner\"}", "\"2\"");
        assertThat(marked.getHeaders().getETag()).isEqualTo("\"3\"");

        JsonNode dup = awaitStep(duplicate, "REJECTED", 3);
        assertThat(dup.get("rejection").get("reason").asText()).isEqualTo("DUPLICATE");
        assertThat(dup.get("rejection").get("duplicateOf").asText()).isEqualTo(original);
        JsonNode orig = awaitCase(original, c -> c.get("duplicates").size() == 1);
        assertThat(orig.get("duplicates").get(0).asText()).isEqualTo(duplicate);
        assertThat(orig.get("step").asText()).isEqualTo("REPORTED");

        assertProblem(action(duplicate, "file", "{}", "\"3\""), HttpStatus.CONFLICT, "case-not-reported");
    }

    @Test
    void aHoldStopsTheCaseUntilResumedAndShowsInTheList() {
        String id = report(reportBody("1101", LAT - 0.001, LNG, "Construction waste dumped"));
        action(id, "file", "{}", "\"0\"");
        assertProblemField(action(id, "suspend", "{\"reason\":\"court case\"}", "\"1\""),
                HttpStatus.BAD_REQUEST, "approvedBy");
        ResponseEntity<String> suspended = action(id, "suspend",
                "{\"reason\":\"court case\",\"approvedBy\":\"deputy-director\"}", "\"1\"");
        assertThat(suspended.getHeaders().getETag()).isEqualTo("\"2\"");
        JsonNode c = awaitCase(id, v -> v.get("suspended").asBoolean());
        assertThat(c.get("suspension").get("approvedBy").asText()).isEqualTo("deputy-director");
        assertThat(get("/api/v1/cases?suspended=true&grid=310105004000003").get("items").findValuesAsText("caseId")).contains(id);

        assertProblem(action(id, "suspend", "{\"reason\":\"again\",\"approvedBy\":\"d\"}", "\"2\""),
                HttpStatus.CONFLICT, "case-suspended");
        assertThat(action(id, "resume", "{}", "\"2\"").getHeaders().getETag()).isEqualTo("\"3\"");
        c = awaitCase(id, v -> !v.get("suspended").asBoolean());
        assertThat(c.get("step").asText()).isEqualTo("FILED");
        assertThat(get("/api/v1/cases/" + id + "/timeline").get("entries").findValuesAsText("event"))
                .containsExactly("CaseReported", "CaseFiled", "CaseSuspended", "CaseResumed");
    }

    @Test
    void theListPagesWithATotal() {
        for (int i = 0; i < 3; i++) {
            report(reportBody("0101", LAT, LNG + 0.0005, "Paging probe " + i));
        }
        JsonNode first = get("/api/v1/cases?q=paging probe&size=2&page=0");
        JsonNode second = get("/api/v1/cases?q=PAGING PROBE&size=2&page=1");
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("items").size()).isEqualTo(2);
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(get("/api/v1/cases?q=paging probe&source=CAMERA").get("total").asLong()).isZero();
        assertThat(get("/api/v1/cases?q=paging probe&overdue=false&from=2020-01-01T00:00:00Z").get("total").asLong()).isEqualTo(3);
    }

    @Test
    void everyEndpointIsInTheOpenApiDocument() {
        JsonNode paths = get("/v3/api-docs").get("paths");
        for (String path : List.of("/api/v1/cases", "/api/v1/cases/stats", "/api/v1/cases/{caseId}", "/api/v1/cases/{caseId}/timeline",
                "/api/v1/cases/{caseId}/file", "/api/v1/cases/{caseId}/reject", "/api/v1/cases/{caseId}/mark-duplicate",
                "/api/v1/cases/{caseId}/verify", "/api/v1/cases/{caseId}/close", "/api/v1/cases/{caseId}/send-back",
                "/api/v1/cases/{caseId}/feedback", "/api/v1/cases/{caseId}/reopen", "/api/v1/cases/{caseId}/suspend",
                "/api/v1/cases/{caseId}/resume", "/api/v1/geography/grids/at", "/api/v1/catalogue/items/{code}")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        // Actions document If-Match as a required header, not the Java type that carries it, with the 428 and 412 answers.
        JsonNode fileParameters = paths.get("/api/v1/cases/{caseId}/file").get("post").get("parameters");
        assertThat(fileParameters.findValuesAsText("name")).containsExactlyInAnyOrder("caseId", "If-Match", "Idempotency-Key");
        for (JsonNode parameter : fileParameters) {
            if (parameter.get("name").asText().equals("If-Match")) {
                assertThat(parameter.get("in").asText()).isEqualTo("header");
                assertThat(parameter.path("required").asBoolean(false)).isTrue();
                assertThat(parameter.get("description").asText()).contains("The case's ETag");
            }
        }
        JsonNode fileResponses = paths.get("/api/v1/cases/{caseId}/file").get("post").get("responses");
        assertThat(fileResponses.has("428")).as(fileResponses.toString()).isTrue();
        assertThat(fileResponses.has("412")).as(fileResponses.toString()).isTrue();
        assertThat(paths.get("/api/v1/cases").get("post").get("parameters").findValuesAsText("name"))
                .as("creating a case is not an update: no If-Match").doesNotContain("If-Match");
        JsonNode listParameters = paths.get("/api/v1/cases").get("get").get("parameters");
        assertThat(listParameters.findValuesAsText("name")).contains("page", "size").doesNotContain("PageQuery", "pageQuery");
    }

    private void assertProblem(ResponseEntity<String> response, HttpStatus status, String code) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(response).get("type").asText()).endsWith("/" + code);
    }

    private void assertProblemField(ResponseEntity<String> response, HttpStatus status, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(response).get("errors").findValuesAsText("field")).as(response.getBody()).contains(field);
    }
}
