package cn.changning.governance.dispatch;

import cn.changning.governance.common.testing.TestCallers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to the dispatch API is a 400 problem naming the field, never a 5xx, never taken as something else,
 * never echoed whole; a refused request costs the log one line at most.
 */
@ExtendWith(OutputCaptureExtension.class)
class DispatchBadInputHttpTest extends DispatchHttpTest {

    private static final String STREET = "310105001";
    private static final String SQUAD = "310105001-squad";
    private static final TestCallers SQUAD_CALLER = agency(SQUAD);
    private static final TestCallers POLICE_CALLER = agency("310105001-police");

    @Test
    void actionBodiesAreReadStrictly() {
        String order = "no-order-" + UUID.randomUUID() + "-r0";
        refused(post(order, "return", "{\"reason\":\"WRONG_AGENCY\",\"reason\":\"OUTSIDE_REMIT\"}", "*", POLICE_CALLER), "reason");
        refused(post(order, "return", "{\"reason\":\"WRONG_AGENCY\",\"nte\":\"typo\"}", "*", POLICE_CALLER), "nte");
        refused(post(order, "return", "{\"reason\":\"\"}", "*", POLICE_CALLER), "reason");
        refused(post(order, "return", "{\"reason\":0}", "*", POLICE_CALLER), "reason");
        refused(post(order, "report", "{\"result\":\"RESOLVED\",\"photoUrls\":\"http://x/1.jpg\"}", "*", SQUAD_CALLER), "photoUrls");
        refused(post(order, "report", "{\"result\":\"RESOLVED\",\"note\":\"a\\u0000b\"}", "*", SQUAD_CALLER), "note");
        refused(post(order, "extension-request", "{\"reason\":\"away\",\"requestedDeadline\":\"+1000000000-12-31T23:59:59Z\"}", "*",
                SQUAD_CALLER), "requestedDeadline");
        refused(post(order, "extension-request", "{\"reason\":\"away\",\"requestedDeadline\":4102444800}", "*", SQUAD_CALLER),
                "requestedDeadline");
        refused(post(order, "accept", "{}{}", "*", SQUAD_CALLER), "body");
    }

    @Test
    void anIdFromTheBodyIsCheckedAndNotEchoedWhole() {
        String huge = "x".repeat(15_000);
        ResponseEntity<JsonNode> answer = post("no-order-r0", "reassign",
                "{\"returnedAgencyId\":\"" + SQUAD + "\",\"toAgencyId\":\"" + huge + "\"}", "*", centre(STREET));
        refused(answer, "toAgencyId");
        assertThat(answer.getBody().toString()).hasSizeLessThan(2_000);

        ResponseEntity<JsonNode> unknown = get("/api/v1/agencies/" + "a".repeat(900), DISTRICT);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().toString()).hasSizeLessThan(600);
    }

    @Test
    void queryParametersAreConvertedExactly() {
        for (String query : List.of("overdue=yes", "pendingExtension=1", "escalated=", "state=", "state=%00", "state=issued",
                "agencyId=%00", "agencyId=a%20b", "streetCode=abc", "page=0x10", "size=%2B5")) {
            String parameter = query.substring(0, query.indexOf('='));
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(DISTRICT.token());
            refused(http.exchange(URI.create("/api/v1/dispatch-orders?" + query), HttpMethod.GET, new HttpEntity<>(headers),
                    JsonNode.class), parameter);
        }
    }

    @Test
    void anActionOnAnUnknownOrderIsA404WithoutAStackTraceInTheLog(CapturedOutput output) {
        String unit = AGENCIES.districtUnits().get(0).id();
        String order = "unknown-" + UUID.randomUUID() + "-r0";
        int before = output.getAll().length();
        ResponseEntity<JsonNode> answer = post(order, "accept", "{\"agencyId\":\"" + unit + "\"}", "*", DISTRICT);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        String logged = output.getAll().substring(before);
        // Axon's repository logged each failed load at WARN with the whole trace (6,956 traces from 10,000 requests).
        assertThat(logged).doesNotContain("Exception occurred while trying to load").doesNotContain("\tat org.axonframework");
        assertThat(logged.lines().filter(l -> l.contains(order)).count()).isLessThanOrEqualTo(1);
    }

    private static void refused(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).as(field + ": " + response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).as(String.valueOf(response.getBody())).contains(field);
    }
}
