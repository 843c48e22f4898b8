package cn.changning.governance.partyregistry.importing;

import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.syntheticdata.RegistryFile;
import cn.changning.governance.syntheticdata.SyntheticRegistryData;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job interrupted after some chunks (a worker that "crashed": it stops and its lease runs out) is resumed by the
 * service's worker from the committed progress, and nothing is imported twice. And a chunk whose commit does not
 * happen leaves none of its commands' events: the commands joined the chunk's transaction.
 */
class ImportResumeTest extends ImportIntegrationTest {

    private static final String CRASHED = "crashed-worker";

    @TempDir
    Path dir;
    @Autowired
    ImportJobs jobs;
    @Autowired
    ImportLedger ledger;
    @Autowired
    ImportWorker worker;
    @Autowired
    CommandGateway commands;
    @Autowired
    Geography geography;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ImportMetrics metrics;
    @Autowired
    Clock clockBean;

    @Test
    void anInterruptedJobResumesFromItsCommittedChunksWithoutDuplicating() throws IOException {
        SyntheticRegistryData.GeneratedFiles files = generate(dir, 1402, 7300);
        assertThat(finished(upload(files, RegistryFile.ORGANIZATIONS)).get("accepted").asLong()).isEqualTo(60);

        UUID jobId = leasedJob(ImportKind.MEMBERS, Files.readAllBytes(files.path(RegistryFile.MEMBERS)), CRASHED);
        ImportRunner crashing = runner(50);
        ImportRunner.Outcome outcome = crashing.run(new ImportJobs.Claimed(jobId, ImportKind.MEMBERS, 0), CRASHED, 2, () -> true);
        assertThat(outcome).isEqualTo(ImportRunner.Outcome.STOPPED);
        ImportJob halfway = jobs.find(jobId).orElseThrow();
        assertThat(halfway.rowsRead()).isEqualTo(100);
        assertThat(halfway.accepted()).isEqualTo(100);

        // The crashed worker's lease runs out; the service's own worker takes the job over.
        jdbc.update("UPDATE registry_import_job SET lease_until = now() - interval '1 second' WHERE job_id = ?", jobId);
        worker.wake();
        JsonNode done = finished(jobId.toString());
        assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.get("rowsRead").asLong()).isEqualTo(200);
        assertThat(done.get("accepted").asLong()).isEqualTo(200);
        assertThat(done.get("unchanged").asLong()).isZero();
        Long lines = jdbc.queryForObject("SELECT count(*) FROM registry_import_ledger WHERE job_id = ?", Long.class, jobId);
        assertThat(lines).isEqualTo(200);
        // Every member of the file was registered exactly once.
        List<String> memberIds = Files.readAllLines(files.path(RegistryFile.MEMBERS)).stream().skip(1)
                .map(line -> RegistryIds.member(personalData.pseudonym("party-member", line.split(",")[0]))).toList();
        assertThat(memberIds).hasSize(200).allSatisfy(id -> assertThat(eventsOf(id)).as(id).isEqualTo(1));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry_import_upload WHERE job_id = ?", Long.class, jobId))
                .as("the stored upload is dropped once the job is done").isZero();
    }

    @Test
    void aChunkThatDoesNotCommitLeavesNoneOfItsCommandsEvents() {
        String csv = """
                code,name,kind,level,parentCode,streetCode,residentialAreaCode,foundedOn
                310105002-7401,中共回滚测试委员会,GOVERNMENT_BODY,COMMITTEE,,310105002,,1990-05-01
                310105002-7402,中共回滚测试支部委员会,TWO_NEW,BRANCH,310105002-7401,310105002,,2010-05-01
                """;
        UUID jobId = leasedJob(ImportKind.ORGANIZATIONS, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), CRASHED);
        // Another instance took the job over in the meantime: this worker's chunk must not commit.
        jdbc.update("UPDATE registry_import_job SET lease_owner = 'another-instance' WHERE job_id = ?", jobId);

        ImportRunner.Outcome outcome;
        try {
            outcome = runner(50).run(new ImportJobs.Claimed(jobId, ImportKind.ORGANIZATIONS, 0), CRASHED, 1, () -> true);
        } finally {
            // Jobs run in upload order: this one must not hold the queue up for the tests after it.
            jdbc.update("UPDATE registry_import_job SET status = 'FAILED', lease_owner = NULL WHERE job_id = ?", jobId);
        }

        assertThat(outcome).isEqualTo(ImportRunner.Outcome.LEASE_LOST);
        // The two commands were sent and handled (the branch found its committee in the same transaction), yet their
        // events went with the rolled-back transaction.
        assertThat(eventsOf(RegistryIds.organization("310105002-7401"))).isZero();
        assertThat(eventsOf(RegistryIds.organization("310105002-7402"))).isZero();
        assertThat(ledger.find(ImportKind.ORGANIZATIONS, List.of("310105002-7401", "310105002-7402"))).isEmpty();
        assertThat(jobs.find(jobId).orElseThrow().rowsRead()).isZero();
    }

    /** A stored upload whose job is leased to {@code owner} from the start, so the service's worker leaves it alone. */
    private UUID leasedJob(ImportKind kind, byte[] file, String owner) {
        return new TransactionTemplate(transactionManager).execute(s -> {
            UUID id = jobs.create(kind, "test", new ByteArrayInputStream(file), 1 << 26, first -> { });
            jdbc.update("UPDATE registry_import_job SET status = 'RUNNING', lease_owner = ?, "
                    + "lease_until = now() + interval '1 hour', started_at = now() WHERE job_id = ?", owner, id);
            return id;
        });
    }

    private ImportRunner runner(int chunkRows) {
        return new ImportRunner(jobs, ledger, commands, personalData, geography, new TransactionTemplate(transactionManager),
                metrics, new ImportProperties(chunkRows, Duration.ofHours(1), Duration.ofSeconds(1), 1 << 26, false, true),
                clockBean);
    }
}
