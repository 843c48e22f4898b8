package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.projection.indicator.IndicatorGauges;
import cn.changning.governance.assessment.support.AssessmentServiceIntegrationTest;
import cn.changning.governance.common.testing.TestCallers;
import cn.changning.governance.common.testing.TopicRecords;
import cn.changning.governance.contracts.dispatch.AgencyRole;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static cn.changning.governance.assessment.domain.indicator.IndicatorEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events on the case and dispatch topics reach the indicator answers and their facts; who sees what; bad input.
 * Its own street (310105008) and period (May 2025), so its figures hold only its own facts.
 */
class IndicatorApiIntegrationTest extends AssessmentServiceIntegrationTest {

    static final String STREET = "310105008";
    static final String SQUAD = STREET + "-squad";
    static final String POLICE = STREET + "-police";
    static final String BASE = "/api/v1/assessments/indicators";

    @Autowired
    AgencyDirectory agencies;
    @Autowired
    IndicatorGauges gauges;
    @Autowired
    MeterRegistry meters;

    static Instant may(String dayTime) {
        return Instant.parse("2025-05-" + dayTime + ":00Z");
    }

    @Test
    void eventsOnTheTopicsReachTheAnswersAndTheirFacts() {
        String c1 = "ind-it-1";
        String c2 = "ind-it-2";
        try (TopicRecords cases = caseTopic(); TopicRecords orders = dispatchTopic()) {
            cases.send(reported(c1, "0101", 31.21, 121.41, may("02T01:00")), c1, 0, c1 + "-0");
            cases.send(filed(c1, "0101", STREET, null, may("02T01:20")), c1, 1, c1 + "-1");
            cases.send(closed(c1, 0, true, may("03T08:00")), c1, 2, c1 + "-2");
            cases.send(reported(c2, "0101", 31.22, 121.42, may("05T01:00")), c2, 0, c2 + "-0");
            cases.send(filed(c2, "0101", STREET, null, may("05T04:00")), c2, 1, c2 + "-1");
            String o1 = order(c1, 0);
            orders.send(issued(c1, 0, STREET, SQUAD, List.of(POLICE), may("04T02:00"), may("02T02:00")), o1, 0, o1 + "-0");
            orders.send(returned(c1, 0, POLICE, AgencyRole.ASSIST, may("02T03:00")), o1, 1, o1 + "-1");
            orders.send(handled(c1, 0, SQUAD, true, may("03T02:00")), o1, 2, o1 + "-2");
            String o2 = order(c2, 0);
            orders.send(issued(c2, 0, STREET, SQUAD, List.of(), may("07T02:00"), may("05T05:00")), o2, 0, o2 + "-0");
            orders.send(overdue(c2, 0, SQUAD, may("07T02:00")), o2, 1, o2 + "-1");
        }
        // The squad leads two orders due in May: one handled on time and closed on time, one overdue.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode squad = get(BASE + "/agencies/" + SQUAD + "?period=2025-05", DISTRICT).getBody();
            assertThat(indicator(squad, "HANDLING_RATE").path("denominator").asLong()).isEqualTo(2);
            assertThat(indicator(squad, "ON_TIME_CLOSURE_RATE").path("numerator").asLong()).isEqualTo(1);
        });
        JsonNode squad = get(BASE + "/agencies/" + SQUAD + "?period=2025-Q2", DISTRICT).getBody();
        assertThat(squad.path("period").asText()).isEqualTo("2025-Q2");
        assertThat(squad.path("indicators")).hasSize(8); // filing and repeat cases are the street's only
        JsonNode handling = indicator(squad, "HANDLING_RATE");
        assertThat(handling.path("numerator").asLong()).isEqualTo(1);
        assertThat(handling.path("value").asDouble()).isEqualTo(0.5);
        assertThat(handling.path("numeratorDefinition").asText()).contains("DispatchOrderHandled");
        assertThat(handling.path("numeratorFacts").asText())
                .isEqualTo(BASE + "/agencies/" + SQUAD + "/HANDLING_RATE/facts?period=2025-Q2&part=NUMERATOR");
        assertThat(indicator(squad, "RETURN_RATE").path("value").asDouble()).isEqualTo(0.0); // the squad returned nothing
        assertThat(indicator(get(BASE + "/agencies/" + POLICE + "?period=2025-05", DISTRICT).getBody(), "RETURN_RATE")
                .path("numerator").asLong()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode street = get(BASE + "/streets/" + STREET + "?period=2025-05", TestCallers.street(STREET)).getBody();
            assertThat(street.path("indicators")).hasSize(10);
            // c1 filed 20 minutes after its report, c2 three hours after
            assertThat(indicator(street, "ON_TIME_FILING_RATE").path("numerator").asLong()).isEqualTo(1);
            assertThat(indicator(street, "ON_TIME_FILING_RATE").path("denominator").asLong()).isEqualTo(2);
        });
        JsonNode street = get(BASE + "/streets/" + STREET + "?period=2025-04", DISTRICT).getBody();
        assertThat(indicator(street, "HANDLING_RATE").path("value").isNull()).as("0/0 has no value").isTrue();

        // The facts behind the denominator, paged: by deadline, c1's order (05-04) then c2's (05-07).
        JsonNode first = get(BASE + "/agencies/" + SQUAD + "/HANDLING_RATE/facts?period=2025-05&part=DENOMINATOR&page=0&size=1",
                DISTRICT).getBody();
        assertThat(first.path("total").asLong()).isEqualTo(2);
        assertThat(first.path("items").get(0).path("orderId").asText()).isEqualTo(order(c1, 0));
        assertThat(first.path("items").get(0).path("caseId").asText()).isEqualTo(c1);
        JsonNode second = get(BASE + "/agencies/" + SQUAD + "/HANDLING_RATE/facts?period=2025-05&part=DENOMINATOR&page=1&size=1",
                DISTRICT).getBody();
        assertThat(second.path("items").get(0).path("orderId").asText()).isEqualTo(order(c2, 0));
        assertThat(second.path("items").get(0).path("reason").asText()).contains("not handled");
        JsonNode filedLate = get(BASE + "/streets/" + STREET + "/ON_TIME_FILING_RATE/facts?period=2025-05&part=NUMERATOR",
                DISTRICT).getBody();
        assertThat(filedLate.path("items")).hasSize(1);
        assertThat(filedLate.path("items").get(0).path("caseId").asText()).isEqualTo(c1);

        // The gauges read the service clock's month.
        clock.moveOn(Duration.between(clock.instant(), may("20T04:00"))); // back to 20 May 2025
        gauges.refresh();
        assertThat(meters.get(IndicatorGauges.ON_TIME_HANDLING).tag("street", STREET).gauge().value()).isEqualTo(0.5);
        // and per agency, in its street: the squad handled one of its two May orders on time
        assertThat(meters.get(IndicatorGauges.AGENCY_ON_TIME_HANDLING).tags("agency", SQUAD, "street", STREET).gauge().value())
                .isEqualTo(0.5);
        assertThat(meters.find(IndicatorGauges.AGENCY_ON_TIME_CLOSURE).tags("agency", SQUAD, "street", STREET).gauge()).isNotNull();
    }

    @Test
    void eachCallerSeesOnlyItsOwnSubjects() {
        Agency squad = agencies.find(SQUAD).orElseThrow();
        String path = BASE + "/agencies/" + SQUAD + "?period=2025-05";
        assertThat(get(path, TestCallers.street(STREET)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(path, TestCallers.agency(SQUAD, STREET, squad.parentDepartment())).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(path, TestCallers.department(squad.parentDepartment())).getStatusCode()).isEqualTo(HttpStatus.OK);
        // Another street's centre, another agency of the same street, another department: as if unknown.
        assertThat(get(path, TestCallers.street("310105001")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        Agency police = agencies.find(POLICE).orElseThrow();
        assertThat(get(path, TestCallers.agency(POLICE, STREET, police.parentDepartment())).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        if (!police.parentDepartment().equals(squad.parentDepartment())) {
            assertThat(get(path, TestCallers.department(police.parentDepartment())).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        String streetPath = BASE + "/streets/" + STREET + "?period=2025-05";
        assertThat(get(streetPath, TestCallers.street("310105001")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(streetPath, TestCallers.agency(SQUAD, STREET, squad.parentDepartment())).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(BASE + "/agencies/310105008-nobody?period=2025-05", DISTRICT).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(BASE + "/streets/310105999?period=2025-05", DISTRICT).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(BASE + "/agencies/" + SQUAD + "/REPEAT_CASES/facts?period=2025-05&part=NUMERATOR", DISTRICT)
                .getStatusCode()).as("a street-only indicator").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aBadPeriodOrPartIsRefusedNamingTheParameter() {
        ResponseEntity<JsonNode> badPeriod = get(BASE + "/agencies/" + SQUAD + "?period=2025-13", DISTRICT);
        assertThat(badPeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPeriod.getBody().toString()).contains("period");
        ResponseEntity<JsonNode> badPart = get(BASE + "/streets/" + STREET + "/HANDLING_RATE/facts?period=2025-05&part=ALL", DISTRICT);
        assertThat(badPart.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPart.getBody().toString()).contains("part");
    }

    private ResponseEntity<JsonNode> get(String path, TestCallers caller) {
        return call(HttpMethod.GET, path, null, caller);
    }

    private static JsonNode indicator(JsonNode answer, String name) {
        for (JsonNode i : answer.path("indicators")) {
            if (i.path("indicator").asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not in " + answer);
    }
}
