package cn.changning.governance.systemtests;

import cn.changning.governance.localstack.LocalCallers;
import cn.changning.governance.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The sixth step of the loop through the gateway, on the whole stack: cases of two streets go around the loop with the
 * real dispatch service, the streets' survey answers and the district's recorded points come in, the year is scored,
 * every street confirms its agencies, a department's EXCELLENT is refused where its street did not rate EXCELLENT, the
 * district confirms the year, a score's drill-down reaches the cases behind it, and a what-if with satisfaction at 20
 * points (as before the reform) swaps the two streets as the test predicts from its own numbers.
 *
 * <p>The two streets, Chengjiaqiao and Beixinjing, are this test's own: no other system test reports cases there, so
 * their indicators are made of this test's cases only and come out the same for both (every case handled on time,
 * closed fixed, no rework). What tells the streets apart is what the test gave them: A's survey answers are all 5 (score
 * 100), B's all 1 (score 0); the district records points for B's recorded items only.</p>
 */
class AssessmentSystemTest {

    static final String A = "310105010";
    static final String B = "310105011";
    static final String LITTER_BIN = "0302";
    static final String SCHEME = "street-2016.v1";
    static final int RESPONDENTS = 20;
    static final double RECORDED_FOR_B = 20;

    static PlatformClient client;
    static int year;

    @BeforeAll
    static void start() {
        LocalStack stack = SharedStack.get();
        client = new PlatformClient(stack);
        year = LocalDate.now(SharedStack.CLOCK.withZone(ZoneId.of("Asia/Shanghai"))).getYear();
    }

    @Test
    void aYearIsScoredConfirmedExplainedAndReScoredUnderTheOldWeights() {
        // The loop: two cases per street, each handled by the street's team, verified, closed and assessed.
        List<String> casesOfA = List.of(caseAroundTheLoop(A), caseAroundTheLoop(A));
        List<String> casesOfB = List.of(caseAroundTheLoop(B), caseAroundTheLoop(B));

        // The survey: A's respondents give every question 5 (100), B's 1 (0).
        importSurvey(A, 5);
        importSurvey(B, 1);

        // The year, and the district's points for B's recorded items (full marks for items worth RECORDED_FOR_B in all).
        HttpResponse<String> opened = as(LocalCallers.DISTRICT, "POST", "/api/v1/assessments/periods", "{\"period\":\"" + year + "\"}", null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode scheme = json(get("/api/v1/assessments/schemes/" + SCHEME)).path("scheme");
        double surveyPoints = 0;
        double recorded = 0;
        for (JsonNode item : scheme.path("items")) {
            if (item.path("measure").asText().equals("SATISFACTION") && item.path("source").asText().equals("SURVEY")) {
                surveyPoints += item.path("points").asDouble();
            }
            if (item.path("measure").asText().equals("RECORDED") && recorded < RECORDED_FOR_B) {
                double points = Math.min(item.path("points").asDouble(), RECORDED_FOR_B - recorded);
                HttpResponse<String> r = as(LocalCallers.DISTRICT, "POST", "/api/v1/assessments/periods/" + year + "/streets/" + B + "/item-scores",
                        "{\"itemCode\":\"" + item.path("code").asText() + "\",\"points\":" + points * item.path("recordedOutOf").asDouble() / item.path("points").asDouble() + "}", "*");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                recorded += points;
            }
        }
        assertThat(recorded).isEqualTo(RECORDED_FOR_B);
        assertThat(surveyPoints).as("the survey's share of the 30 satisfaction points").isPositive();

        // Scoring reads the read models: wait until they hold this test's facts.
        for (String street : List.of(A, B)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> json(get(
                    "/api/v1/assessments/indicators/streets/" + street + "?period=" + year)), v -> indicator(v, "ON_TIME_CLOSURE_RATE").path("denominator").asLong() >= 2);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> json(get(
                    "/api/v1/assessments/surveys/" + street + "/" + year + "/coverage")), c -> c.path("respondents").asLong() == RESPONDENTS);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> json(get(
                    "/api/v1/assessments/satisfaction/streets/" + street + "?period=" + year)), s -> s.path("feedbackCount").asLong() >= 2);
        }
        HttpResponse<String> scored = as(LocalCallers.DISTRICT, "POST", "/api/v1/assessments/periods/" + year + "/scoring", null, null);
        assertThat(scored.statusCode()).as(scored.body()).isEqualTo(200);

        // Under the current scheme A is ahead: its survey earns surveyPoints, B's recorded items RECORDED_FOR_B, and
        // every other line is the same for both.
        Map<String, JsonNode> streets = awaitStreets(rows -> rows.containsKey(A) && rows.containsKey(B));
        double gap = streets.get(A).path("total").asDouble() - streets.get(B).path("total").asDouble();
        assertThat(gap).as("A - B = survey points - B's recorded points").isCloseTo(surveyPoints - RECORDED_FOR_B, within(0.05));
        assertThat(streets.get(A).path("rank").asInt()).isLessThan(streets.get(B).path("rank").asInt());

        // Every street confirms its agencies' proposed ratings.
        Map<String, JsonNode> agencies = awaitAgencies(rows -> rows.size() == 70);
        for (JsonNode row : agencies.values()) {
            HttpResponse<String> r = as("street-" + row.path("streetCode").asText(), "POST", "/api/v1/assessments/periods/" + year
                    + "/agencies/" + row.path("agencyId").asText() + "/street-rating", "{}", "\"" + row.path("version").asLong() + "\"");
            assertThat(r.statusCode()).as(row.path("agencyId").asText() + ": " + r.body()).isEqualTo(200);
        }
        // A's housing office is judged by its residents alone (no case of its own): 100 in A, 0 in B.
        agencies = awaitAgencies(rows -> rows.values().stream().allMatch(r -> !r.path("streetGrade").isNull()));
        assertThat(agencies.get(A + "-housing").path("streetGrade").asText()).isEqualTo("EXCELLENT");
        assertThat(agencies.get(B + "-housing").path("streetGrade").asText()).isEqualTo("FAIL");

        // The veto: the housing administration may not rate B's office EXCELLENT, its street did not; A's it may.
        String housing = LocalCallers.departmentClient("DISTRICT_HOUSING_ADMINISTRATION");
        HttpResponse<String> vetoed = as(housing, "POST", "/api/v1/assessments/periods/" + year + "/agencies/" + B + "-housing/department-rating",
                "{\"grade\":\"EXCELLENT\",\"headStaffId\":\"head-" + B + "\"}", "*");
        assertThat(vetoed.statusCode()).as(vetoed.body()).isEqualTo(409);
        assertThat(vetoed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(vetoed.body()).path("detail").asText()).contains("FAIL");
        rateByDepartment(housing, B + "-housing", "GOOD", "head-" + B);
        rateByDepartment(housing, A + "-housing", "EXCELLENT", "head-" + A);
        JsonNode eligibleA = awaitJson("/api/v1/assessments/award-eligibility/agencies/" + A + "-housing?year=" + year, e -> e.has("eligible"));
        assertThat(eligibleA.path("eligible").asBoolean()).isTrue();
        JsonNode eligibleB = awaitJson("/api/v1/assessments/award-eligibility/agencies/" + B + "-housing?year=" + year, e -> e.has("eligible"));
        assertThat(eligibleB.path("eligible").asBoolean()).isFalse();
        assertThat(eligibleB.path("reason").asText()).isNotBlank();

        // The district confirms the year.
        awaitJson("/api/v1/assessments/periods/" + year + "/agencies?size=100", p -> p.path("items").size() == 70);
        HttpResponse<String> confirmed = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                as(LocalCallers.DISTRICT, "POST", "/api/v1/assessments/periods/" + year + "/confirmation", null, "*"), r -> r.statusCode() != 409);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        awaitJson("/api/v1/assessments/periods/" + year, p -> p.path("state").asText().equals("CONFIRMED"));

        // The drill-down: A's street team's handling rate → its numerator → this test's cases.
        JsonNode drill = json(get("/api/v1/assessments/periods/" + year + "/agencies/" + A + "-street-team"));
        JsonNode handling = line(drill.path("lines"), "HANDLING_RATE");
        List<String> behind = new ArrayList<>();
        for (JsonNode fact : json(get(handling.path("links").path("numerator").asText() + "&size=100")).path("items")) {
            behind.add(fact.path("caseId").asText());
        }
        assertThat(behind).containsAll(casesOfA);
        // ... and A's sheet: an indicator item → its facts; the survey item → the responses behind it.
        JsonNode sheet = json(get("/api/v1/assessments/periods/" + year + "/streets/" + A));
        JsonNode indicatorItem = firstLineWithLink(sheet.path("lines"), "numerator");
        List<String> behindSheet = new ArrayList<>();
        for (JsonNode fact : json(get(indicatorItem.path("links").path("denominator").asText() + "&size=100")).path("items")) {
            behindSheet.add(fact.path("caseId").asText());
        }
        assertThat(behindSheet).containsAll(casesOfA).doesNotContainAnyElementsOf(casesOfB);
        JsonNode responses = json(get(firstLineWithLink(sheet.path("lines"), "responses").path("links").path("responses").asText()));
        assertThat(responses.path("total").asLong()).isEqualTo(RESPONDENTS);

        // What if satisfaction counted 20 points, as before the reform (the other items scaled from 70 to 80)? A's
        // survey points become surveyPoints * 20/30, B's recorded points RECORDED_FOR_B * 80/70: B is ahead.
        HttpResponse<String> whatIf = as(LocalCallers.DISTRICT, "POST", "/api/v1/assessments/periods/" + year + "/what-if",
                "{\"satisfactionPoints\":20}", null);
        assertThat(whatIf.statusCode()).as(whatIf.body()).isEqualTo(200);
        Map<String, JsonNode> moves = new HashMap<>();
        json(whatIf.body()).path("streets").path("moves").forEach(m -> moves.put(m.path("subjectId").asText(), m));
        double gapAfter = moves.get(A).path("totalAfter").asDouble() - moves.get(B).path("totalAfter").asDouble();
        assertThat(gapAfter).isCloseTo(surveyPoints * 20 / 30 - RECORDED_FOR_B * 80 / 70, within(0.1));
        assertThat(moves.get(A).path("rankBefore").asInt()).isLessThan(moves.get(B).path("rankBefore").asInt());
        assertThat(moves.get(A).path("rankAfter").asInt()).isGreaterThan(moves.get(B).path("rankAfter").asInt());
        assertThat(moves.get(A).path("explanation").asText()).isNotBlank();
        // ... and the confirmed results are untouched.
        Map<String, JsonNode> after = awaitStreets(rows -> true);
        assertThat(after.get(A).path("total").asDouble()).isEqualTo(streets.get(A).path("total").asDouble());
        assertThat(after.get(A).path("rank").asInt()).isLessThan(after.get(B).path("rank").asInt());
    }

    /** A litter-bin case in the street's first grid: reported, filed, handled by the street team, verified, closed, assessed. */
    private static String caseAroundTheLoop(String street) {
        JsonNode centre = json(get("/api/v1/geography/grids/" + street + "000001")).get("centre");
        String caseId = client.reportCase(LITTER_BIN, centre.get("lat").asDouble(), centre.get("lng").asDouble(), "Litter bin broken");
        awaitCase(caseId, "REPORTED");
        caseAction(caseId, "file", "{}");
        String order = caseId + "-r0";
        JsonNode issued = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> r = client.get("/api/v1/dispatch-orders/" + order);
            return r.statusCode() == 200 ? json(r.body()) : null;
        }, o -> o != null && o.path("order").path("state").asText().equals("AWAITING_ACCEPTANCE"));
        String lead = issued.path("order").path("leadAgencyId").asText();
        assertThat(lead).isEqualTo(street + "-street-team");
        orderAction(order, "accept", "{\"agencyId\":\"" + lead + "\"}");
        orderAction(order, "report", "{\"agencyId\":\"" + lead + "\",\"result\":\"RESOLVED\",\"note\":\"bin replaced\"}");
        awaitCase(caseId, "HANDLED");
        caseAction(caseId, "verify", "{\"fixed\":true}");
        caseAction(caseId, "close", "{\"resolution\":\"FIXED\"}");
        caseAction(caseId, "feedback", "{\"satisfaction\":\"SATISFIED\"}");
        return caseId;
    }

    /** The street centre imports RESPONDENTS answers, every question scored {@code score}, dated today. */
    private static void importSurvey(String street, int score) {
        JsonNode questionnaire = json(get("/api/v1/assessments/surveys/questionnaire"));
        String today = LocalDate.now(SharedStack.CLOCK.withZone(ZoneId.of("Asia/Shanghai"))).toString();
        StringBuilder csv = new StringBuilder(questionnaire.path("csvHeader").asText()).append("\r\n");
        int questions = questionnaire.path("questions").size();
        for (int i = 1; i <= RESPONDENTS; i++) {
            StringJoiner row = new StringJoiner(",");
            row.add("sys-" + street + "-" + i).add("RESIDENT").add(today);
            for (int q = 0; q < questions; q++) {
                row.add(Integer.toString(score));
            }
            csv.append(row).append("\r\n");
        }
        HttpResponse<String> r = client.send("street-" + street, "POST", "/api/v1/assessments/surveys/" + street + "/" + year + "/responses",
                "text/csv", csv.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r.body()).path("recorded").asInt()).isEqualTo(RESPONDENTS);
    }

    private static void rateByDepartment(String department, String agencyId, String grade, String head) {
        HttpResponse<String> r = as(department, "POST", "/api/v1/assessments/periods/" + year + "/agencies/" + agencyId + "/department-rating",
                "{\"grade\":\"" + grade + "\",\"headStaffId\":\"" + head + "\"}", "*");
        assertThat(r.statusCode()).as(agencyId + ": " + r.body()).isEqualTo(200);
    }

    private static Map<String, JsonNode> awaitStreets(Predicate<Map<String, JsonNode>> enough) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Map<String, JsonNode> rows = new HashMap<>();
            json(get("/api/v1/assessments/periods/" + year + "/streets?size=100")).path("items").forEach(r -> rows.put(r.path("streetCode").asText(), r));
            return rows;
        }, enough);
    }

    private static Map<String, JsonNode> awaitAgencies(Predicate<Map<String, JsonNode>> enough) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Map<String, JsonNode> rows = new HashMap<>();
            json(get("/api/v1/assessments/periods/" + year + "/agencies?size=100")).path("items").forEach(r -> rows.put(r.path("agencyId").asText(), r));
            return rows;
        }, enough);
    }

    private static JsonNode awaitJson(String path, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            HttpResponse<String> r = client.get(path);
            return r.statusCode() == 200 ? json(r.body()) : json("{}");
        }, condition);
    }

    private static JsonNode indicator(JsonNode answer, String name) {
        for (JsonNode i : answer.path("indicators")) {
            if (i.path("indicator").asText().equals(name)) {
                return i;
            }
        }
        return json("{}");
    }

    private static JsonNode line(JsonNode lines, String component) {
        for (JsonNode l : lines) {
            if (l.path("component").asText().equals(component)) {
                return l;
            }
        }
        throw new AssertionError("no line " + component + " in " + lines);
    }

    private static JsonNode firstLineWithLink(JsonNode lines, String link) {
        for (JsonNode l : lines) {
            if (l.path("links").has(link)) {
                return l;
            }
        }
        throw new AssertionError("no line links to " + link + " in " + lines);
    }

    private static void awaitCase(String caseId, String step) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> r = client.get("/api/v1/cases/" + caseId);
            return r.statusCode() == 200 ? json(r.body()).path("step").asText() : "";
        }, step::equals);
    }

    private static void caseAction(String caseId, String action, String body) {
        HttpResponse<String> r = client.action("/api/v1/cases/" + caseId + "/" + action, body, "*");
        assertThat(r.statusCode()).as(action + ": " + r.body()).isEqualTo(200);
    }

    private static void orderAction(String orderId, String action, String body) {
        HttpResponse<String> r = client.action("/api/v1/dispatch-orders/" + orderId + "/" + action, body, "*");
        assertThat(r.statusCode()).as(action + ": " + r.body()).isEqualTo(200);
    }

    private static HttpResponse<String> as(String clientId, String method, String path, String body, String ifMatch) {
        return client.as(clientId, method, path, body, ifMatch);
    }

    private static String get(String path) {
        HttpResponse<String> r = client.get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode json(String body) {
        return PlatformClient.json(body);
    }
}
