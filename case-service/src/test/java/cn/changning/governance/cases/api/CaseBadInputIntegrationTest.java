package cn.changning.governance.cases.api;

import cn.changning.governance.cases.support.CaseServiceIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every kind an outside tester sends is a 400 problem naming the field (never a 5xx, never taken as
 * something else, never echoed whole). The bodies are {@link CaseSliceIntegrationTest#BODY} with one fault each.
 */
class CaseBadInputIntegrationTest extends CaseServiceIntegrationTest {

    private static final String BODY = CaseSliceIntegrationTest.BODY;

    @Test
    void aBodyIsReadStrictly() {
        // A duplicated key (once a 500 on every action), a misspelled optional field (once silently dropped),
        // content after the value, a number as a string, a string as a number, an empty enum, a scalar for an object.
        refused(postReport(BODY.replace("\"source\":\"RESIDENT\"", "\"source\":\"RESIDENT\",\"source\":\"HOTLINE_12345\"")), "source");
        refused(postReport(BODY.replace("\"reporter\":", "\"reportr\":")), "reportr");
        refused(postReport(BODY.trim() + " {}"), "body");
        refused(postReport(BODY.replace("31.2155", "\"31.2155\"")), "location.latitude");
        refused(postReport(BODY.replace("\"Manhole cover broken\"", "12")), "description");
        refused(postReport(BODY.replace("\"RESIDENT\"", "\"\"")), "source");
        refused(postReport(BODY.replace("{\"name\":\"Li\",\"contact\":\"13800000000\"}", "\"Li\"")), "reporter");
        refused(postReport(BODY.replace("\"Manhole cover broken\"", "\"Manhole" + "x".repeat(30_000) + "\"")), "description");
        refused(postReport("[".repeat(200) + "]".repeat(200)), "body");
    }

    @Test
    void controlCharactersInABodyAreRefusedNamingTheField() {
        refused(postReport(BODY.replace("Manhole cover broken", "Manhole\\u0000cover")), "description");
        refused(postReport(BODY.replace("Yan'an Rd W 1", "Yan'an\\u001b[31m")), "location.address");
        // A NUL in an id once reached PostgreSQL, which refused it: 503 "event store could not be reached".
        String caseId = report(BODY.replace("Manhole cover broken", "NUL probe"));
        refused(action(caseId, "mark-duplicate", "{\"originalCaseId\":\"abc\\u0000def\"}", "\"0\""), "originalCaseId");
        refused(action(caseId, "file", "{\"filedBy\":\"street\\n310105001\"}", "\"0\""), "filedBy");
    }

    @Test
    void queryParametersAreConvertedExactly() {
        for (String query : List.of("suspended=yes", "overdue=1", "step=", "step=%00", "step=reported", "class=",
                "from=%2B1000000000-12-31T23:59:59Z", "to=1969-12-31T23:59:59Z", "q=a%00b", "page=0x10", "page=%2B1",
                "street=31010500", "grid=abc", "item=%00")) {
            String parameter = query.substring(0, query.indexOf('='));
            refused(http.getForEntity(URI.create("/api/v1/cases?" + query), String.class), parameter);
        }
        refused(http.getForEntity(URI.create("/api/v1/cases/" + "some-case" + "?asOf=%2B1000000000-01-01T00:00:00Z"), String.class), "asOf");
        refused(http.getForEntity(URI.create("/api/v1/catalogue/items?class=%00"), String.class), "class");
        assertThat(http.getForEntity(URI.create("/api/v1/cases?suspended=true&step=REPORTED&page=0"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aControlCharacterInAPathVariableIsRefusedNamingIt() {
        refused(http.getForEntity(URI.create("/api/v1/cases/abc%01def"), String.class), "caseId");
    }

    @Test
    void aRequestRefusedBeforeTheApiIsStillAProblem() {
        // Spring Security's firewall refuses an encoded semicolon; the container's error page is problem+json too.
        ResponseEntity<String> refused = http.getForEntity(URI.create("/api/v1/cases/a%3Bb"), String.class);
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(refused).get("status").asInt()).isEqualTo(400);
    }

    @Test
    void anErrorQuotesTheInputOnlyAsAShortExcerpt() {
        String longCode = "9".repeat(900);
        ResponseEntity<String> unknown = http.getForEntity("/api/v1/catalogue/items/" + longCode, String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).hasSizeLessThan(600).doesNotContain("9".repeat(100));

        ResponseEntity<String> unknownField = postReport(BODY.replace("\"reporter\":", "\"" + "y".repeat(5_000) + "\":"));
        assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownField.getBody()).hasSizeLessThan(2_000).doesNotContain("y".repeat(200));

        String caseId = report(BODY.replace("Manhole cover broken", "If-Match probe"));
        ResponseEntity<String> badIfMatch = action(caseId, "file", "{}", "v" + "1".repeat(900));
        assertThat(badIfMatch.getStatusCode()).as(badIfMatch.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(badIfMatch.getBody()).doesNotContain("1".repeat(100));

        ResponseEntity<String> badEnum = postReport(BODY.replace("\"RESIDENT\"", "\"" + "Z".repeat(5_000) + "\""));
        assertThat(badEnum.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badEnum.getBody()).hasSizeLessThan(2_000).doesNotContain("Z".repeat(100));
    }

    @Test
    void anActionWhoseAnswerCannotBeAcceptedIsNotCarriedOut() {
        // Once the action ran and only then the answer failed: 406 with an empty body, for a change that was made.
        String caseId = report(BODY.replace("Manhole cover broken", "Accept probe"));
        for (String accept : List.of("application/xml", "garbage", "application/json;q=0")) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.setIfMatch("\"0\"");
            headers.set(HttpHeaders.ACCEPT, accept);
            ResponseEntity<String> refused = http.exchange("/api/v1/cases/" + caseId + "/file", HttpMethod.POST,
                    new HttpEntity<>("{}", headers), String.class);
            assertThat(refused.getStatusCode()).as(accept).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json(refused).get("errors").findValuesAsText("field")).containsExactly(HttpHeaders.ACCEPT);
        }
        // Still at version 0: the refused requests changed nothing.
        assertThat(action(caseId, "file", "{}", "\"0\"").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anEmptyParameterOrAnEnumWithSpacesIsRefusedNotGuessedAt() {
        refused(http.getForEntity(URI.create("/api/v1/cases?q="), String.class), "q");
        refused(http.getForEntity(URI.create("/api/v1/cases?q=%ED%A0%80"), String.class), "q");
        refused(postReport(BODY.replace("\"RESIDENT\"", "\"RESIDENT \"")), "source");
        refused(postReport(BODY.replace("Manhole cover broken", "lone \\ud800 surrogate")), "description");
        String caseId = report(BODY.replace("Manhole cover broken", "empty actor probe"));
        refused(action(caseId, "file", "{\"filedBy\":\"\"}", "\"0\""), "filedBy");
    }

    private ResponseEntity<String> postReport(String body) {
        return send(HttpMethod.POST, "/api/v1/cases", body, null);
    }

    private void refused(ResponseEntity<String> response, String field) {
        assertThat(response.getStatusCode()).as(field + ": " + response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json(response);
        assertThat(problem.get("errors").findValuesAsText("field")).as(response.getBody()).contains(field);
    }
}
