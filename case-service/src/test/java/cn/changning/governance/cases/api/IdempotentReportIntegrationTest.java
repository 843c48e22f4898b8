package cn.changning.governance.cases.api;

import cn.changning.governance.cases.support.CaseServiceIntegrationTest;
import cn.changning.governance.cases.support.HeldReports;
import cn.changning.governance.common.testing.TestCallers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reporting a case with an Idempotency-Key, as a partner retrying over a bad network would: one case per client,
 * key and request, whatever is repeated, refused, held, failed, expired or taken over. Cases are counted in the event
 * store (CaseReported events), not in the read model, so that a second case cannot hide behind the projection's lag.
 */
class IdempotentReportIntegrationTest extends CaseServiceIntegrationTest {

    static final TestCallers OTHER_PARTNER = TestCallers.partner("partner-city-platform");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSameKeyAndBodyReplaysTheFirstAnswerAndReportsOneCase() {
        String key = UUID.randomUUID().toString();
        String body = body("replayed");
        ResponseEntity<String> first = report(PARTNER, key, body);
        ResponseEntity<String> second = report(PARTNER, key, body);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(second.getHeaders().getETag()).isEqualTo(first.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(reportedCases(caseId(first))).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422NamingTheHeaderAndReportsNothing() {
        String key = UUID.randomUUID().toString();
        report(PARTNER, key, body("first"));
        long before = allReportedCases();

        ResponseEntity<String> changed = report(PARTNER, key, body("changed"));
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(changed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json(changed);
        assertThat(problem.get("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(allReportedCases()).isEqualTo(before);
    }

    @Test
    void anotherClientsSameKeyIsAnotherCase() {
        String key = UUID.randomUUID().toString();
        String body = body("two partners");
        ResponseEntity<String> mine = report(PARTNER, key, body);
        ResponseEntity<String> theirs = report(OTHER_PARTNER, key, body);

        assertThat(theirs.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(theirs.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(theirs.getHeaders().getLocation()).isNotEqualTo(mine.getHeaders().getLocation());
        assertThat(reportedCases(caseId(mine))).isEqualTo(1);
        assertThat(reportedCases(caseId(theirs))).isEqualTo(1);
        assertThat(awaitCase(caseId(theirs), c -> true).get("reportedBy").asText()).isEqualTo(OTHER_PARTNER.clientId());
    }

    @Test
    void whileTheFirstReportIsHandledTheKeyAnswers409() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = body("held " + key);
        HeldReports.Hold hold = heldReports.holdNext("held " + key);
        CompletableFuture<ResponseEntity<String>> first = CompletableFuture.supplyAsync(() -> report(PARTNER, key, body));
        assertThat(hold.held().await(20, TimeUnit.SECONDS)).isTrue();

        ResponseEntity<String> meanwhile = report(PARTNER, key, body);
        assertThat(meanwhile.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(meanwhile.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(json(meanwhile).get("type").asText()).endsWith("/idempotency-key-in-flight");

        hold.release().countDown();
        ResponseEntity<String> answered = first.get(20, TimeUnit.SECONDS);
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(report(PARTNER, key, body).getHeaders().getLocation()).isEqualTo(answered.getHeaders().getLocation());
        assertThat(reportedCases(caseId(answered))).isEqualTo(1);
    }

    @Test
    void aFailedReportReleasesTheKeyAndTheRetryReports() {
        String key = UUID.randomUUID().toString();
        String body = body("fails once " + key);
        heldReports.failNext("fails once " + key);
        ResponseEntity<String> failed = report(PARTNER, key, body);
        assertThat(failed.getStatusCode().is5xxServerError()).as(failed.getBody()).isTrue();

        ResponseEntity<String> retry = report(PARTNER, key, body);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(reportedCases(caseId(retry))).isEqualTo(1);
    }

    @Test
    void aKeyHeldByACrashedRequestIsTakenOverAndTheCaseIsStillReportedOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = body("stuck " + key);
        HeldReports.Hold hold = heldReports.holdNext("stuck " + key);
        CompletableFuture<ResponseEntity<String>> stuck = CompletableFuture.supplyAsync(() -> report(PARTNER, key, body));
        assertThat(hold.held().await(20, TimeUnit.SECONDS)).isTrue();

        clock.moveOn(Duration.ofSeconds(61)); // past the in-flight timeout: the first request is taken for dead
        ResponseEntity<String> retry = report(PARTNER, key, body);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isNull();

        hold.release().countDown(); // the "dead" one was only slow: it meets the case the retry reported
        ResponseEntity<String> late = stuck.get(20, TimeUnit.SECONDS);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(late.getHeaders().getLocation()).isEqualTo(retry.getHeaders().getLocation());
        assertThat(reportedCases(caseId(retry))).isEqualTo(1);
    }

    @Test
    void pastTheRetentionTheKeyRunsAgainAndMeetsTheCaseItReported() {
        String key = UUID.randomUUID().toString();
        String body = body("a day later " + key);
        ResponseEntity<String> first = report(PARTNER, key, body);

        clock.moveOn(Duration.ofHours(24).plusMinutes(1));
        ResponseEntity<String> later = report(PARTNER, key, body);
        assertThat(later.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(later.getHeaders().getFirst("Idempotent-Replayed")).as("run again, not replayed").isNull();
        assertThat(later.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(reportedCases(caseId(first))).isEqualTo(1);

        ResponseEntity<String> another = report(PARTNER, key, body("something else " + key));
        assertThat(another.getStatusCode()).as("a new request under the old key, past its retention").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void theApiDocumentShowsTheKeyOnEveryPost() {
        JsonNode paths = json(http.getForEntity("/v3/api-docs", String.class)).get("paths");
        int posts = 0;
        for (var path : (Iterable<java.util.Map.Entry<String, JsonNode>>) paths::fields) {
            JsonNode post = path.getValue().get("post");
            if (post == null) {
                continue;
            }
            posts++;
            assertThat(post.get("parameters").findValuesAsText("name")).as(path.getKey()).contains("Idempotency-Key");
            for (String status : new String[]{"409", "422"}) {
                assertThat(post.get("responses").get(status).get("content").has("application/problem+json"))
                        .as(path.getKey() + " " + status).isTrue();
            }
        }
        assertThat(posts).as("the report and the actions on a case").isGreaterThan(5);
        assertThat(paths.get("/api/v1/cases").get("post").get("parameters").findValuesAsText("name"))
                .as("the handler's IdempotencyKey is the header, not a parameter of its own").containsExactly("Idempotency-Key");
    }

    private ResponseEntity<String> report(TestCallers caller, String key, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(caller.token());
        headers.set("Idempotency-Key", key);
        return http.exchange("/api/v1/cases", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private static String body(String description) {
        return reportBody("0101", 31.2155, 121.4231, description);
    }

    private static String caseId(ResponseEntity<String> created) {
        String location = created.getHeaders().getLocation().toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private long reportedCases(String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                Long.class, caseId, "%CaseReported");
    }

    private long allReportedCases() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ?", Long.class, "%CaseReported");
    }
}
