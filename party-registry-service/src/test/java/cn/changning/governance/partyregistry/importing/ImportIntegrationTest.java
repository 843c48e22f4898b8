package cn.changning.governance.partyregistry.importing;

import cn.changning.governance.partyregistry.support.PartyRegistryIntegrationTest;
import cn.changning.governance.syntheticdata.RegistryFile;
import cn.changning.governance.syntheticdata.Scale;
import cn.changning.governance.syntheticdata.SyntheticRegistryData;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shared by the import tests: uploads through the API and waits for the job. Each test generates its files with a
 * serial offset of its own, so no two tests (and no other part's tests, which use no such codes) share a code.
 */
abstract class ImportIntegrationTest extends PartyRegistryIntegrationTest {

    @Autowired
    protected JdbcTemplate jdbc;

    protected static SyntheticRegistryData.GeneratedFiles generate(Path dir, long seed, int serialOffset) {
        return SyntheticRegistryData.generate(Scale.SMALL.withSerialOffset(serialOffset), seed, dir);
    }

    /** Uploads a file's text; returns the job's id (202 expected). */
    protected String upload(String kind, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> answer = call(HttpMethod.POST, "/api/v1/party/imports?kind=" + kind, csv, REGISTRY_STAFF,
                headers);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answer.getHeaders().getLocation()).hasToString("/api/v1/party/imports/" + answer.getBody().get("jobId").asText());
        return answer.getBody().get("jobId").asText();
    }

    protected String upload(SyntheticRegistryData.GeneratedFiles files, RegistryFile file) {
        try {
            return upload(file.kind(), Files.readString(files.path(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the job is done; returns its resource. */
    protected JsonNode finished(String jobId) {
        AtomicReference<JsonNode> job = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode j = call(HttpMethod.GET, "/api/v1/party/imports/" + jobId, null, REGISTRY_STAFF).getBody();
            job.set(j);
            return j.get("status").asText().equals("SUCCEEDED") || j.get("status").asText().equals("FAILED");
        });
        return job.get();
    }

    protected long events(String payloadTypeSuffix) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ?", Long.class,
                "%" + payloadTypeSuffix);
        return n == null ? 0 : n;
    }

    protected long eventsOf(String aggregateId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                aggregateId);
        return n == null ? 0 : n;
    }
}
