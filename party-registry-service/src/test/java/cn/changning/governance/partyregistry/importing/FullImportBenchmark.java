package cn.changning.governance.partyregistry.importing;

import cn.changning.governance.syntheticdata.RegistryFile;
import cn.changning.governance.syntheticdata.Scale;
import cn.changning.governance.syntheticdata.SyntheticRegistryData;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.awaitility.Awaitility.await;

/**
 * The acceptance figure, run by hand and never in the normal build (its name matches no Surefire pattern):
 * <pre>
 * flock /work/build.lock ./mvnw -o -q -pl party-registry-service -am verify -Dtest=FullImportBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Generates the full synthetic set (seed 2016), uploads each file to the service directly (its port, not the
 * gateway) through the import API, streamed, and waits for each job in turn (a file names rows of the files before
 * it). Prints per file: rows, outcomes, upload time, job time, rows/s; and the total. A JFR recording (profile
 * settings) of the whole run is written to {@code target/full-import.jfr}. It asserts nothing: it measures.
 */
class FullImportBenchmark extends ImportIntegrationTest {

    @Test
    void importTheFullSyntheticSet() throws IOException, ParseException {
        Path dir = Files.createTempDirectory("full-registry");
        SyntheticRegistryData.GeneratedFiles files = SyntheticRegistryData.generate(Scale.FULL, 2016, dir);
        System.out.printf("generated %,d rows in %d ms%n", files.totalRows(), files.elapsed().toMillis());
        Path jfr = Path.of("target", "full-import.jfr");
        StringBuilder report = new StringBuilder(String.format("%-28s %8s %8s %8s %8s %9s %9s %9s%n", "file", "rows",
                "accepted", "unchang.", "rejected", "upload s", "job s", "rows/s"));
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            long started = System.nanoTime();
            for (RegistryFile file : RegistryFile.values()) {
                long t0 = System.nanoTime();
                String jobId = uploadStreamed(file.kind(), files.path(file));
                long uploaded = System.nanoTime();
                JsonNode job = awaitJob(jobId);
                long done = System.nanoTime();
                report.append(String.format("%-28s %,8d %,8d %,8d %,8d %9.1f %9.1f %,9.0f%n", file.fileName(),
                        job.get("rowsRead").asLong(), job.get("accepted").asLong(), job.get("unchanged").asLong(),
                        job.get("rejected").asLong(), (uploaded - t0) / 1e9, (done - uploaded) / 1e9,
                        job.get("rowsRead").asLong() / Math.max(1e-9, (done - t0) / 1e9)));
                if (!job.get("status").asText().equals("SUCCEEDED")) {
                    report.append("  ").append(job).append('\n');
                }
            }
            double total = (System.nanoTime() - started) / 1e9;
            report.append(String.format("total %,d rows in %.1f s: %,.0f rows/s%n", files.totalRows(), total,
                    files.totalRows() / total));
            recording.dump(jfr);
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "full-import.txt"), report.toString());
    }

    /**
     * The file's bytes stream to the service with their Content-Length (a chunked body would be buffered by the
     * platform's body-limit filter), never read whole into this JVM either.
     */
    private String uploadStreamed(String kind, Path file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(REGISTRY_STAFF.token());
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> answer = http.exchange("/api/v1/party/imports?kind=" + kind, HttpMethod.POST,
                new HttpEntity<>(new FileSystemResource(file), headers), JsonNode.class);
        if (!answer.getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException(kind + ": " + answer.getStatusCode() + " " + answer.getBody());
        }
        return answer.getBody().get("jobId").asText();
    }

    private JsonNode awaitJob(String jobId) {
        AtomicReference<JsonNode> job = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode j = call(HttpMethod.GET, "/api/v1/party/imports/" + jobId, null, REGISTRY_STAFF).getBody();
            job.set(j);
            return j.get("status").asText().equals("SUCCEEDED") || j.get("status").asText().equals("FAILED");
        });
        return job.get();
    }
}
