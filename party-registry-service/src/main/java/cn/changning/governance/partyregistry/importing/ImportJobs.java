package cn.changning.governance.partyregistry.importing;

import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The jobs, their stored uploads and their rejections in the service's PostgreSQL database (V10). Leases are
 * reckoned on the database's clock, so instances with skewed clocks still agree on who holds a job.
 */
public class ImportJobs {

    /** Parts of the stored upload: small enough to hold one in memory, few enough rows for a 100 MB file. */
    static final int PART_BYTES = 1 << 20;

    /** A job a worker holds the lease of. */
    record Claimed(UUID jobId, ImportKind kind, long rowsRead) {
    }

    record Rejection(long rowNumber, String field, String reason) {
    }

    /** An upload larger than the limit. */
    static class UploadTooLarge extends RuntimeException {
        UploadTooLarge(long limit) {
            super("an upload may have at most " + limit + " bytes");
        }
    }

    private static final String COLUMNS = "job_id, kind, status, uploaded_bytes, rows_read, accepted, unchanged, rejected, "
            + "created_at, started_at, finished_at, run_millis, failure";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public ImportJobs(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Stores the upload part by part with its job, in one transaction: the job is visible to the workers only with
     * its whole file. {@code firstPart} sees the first part before it is stored (the header check).
     */
    UUID create(ImportKind kind, String uploadedBy, InputStream body, long maxBytes, Consumer<byte[]> firstPart) {
        UUID jobId = UUID.randomUUID();
        return transactions.execute(status -> {
            jdbc.update("INSERT INTO registry_import_job (job_id, kind, status, uploaded_by, uploaded_bytes, upload_parts) "
                    + "VALUES (?, ?, ?, ?, 0, 0)", jobId, kind.parameter(), ImportJob.QUEUED, uploadedBy);
            long total = 0;
            int part = 0;
            try {
                while (true) {
                    byte[] data = body.readNBytes(PART_BYTES);
                    if (data.length == 0) {
                        break;
                    }
                    if (part == 0) {
                        firstPart.accept(data);
                    }
                    total += data.length;
                    if (total > maxBytes) {
                        throw new UploadTooLarge(maxBytes);
                    }
                    jdbc.update("INSERT INTO registry_import_upload (job_id, part, data) VALUES (?, ?, ?)", jobId, part++, data);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (part == 0) {
                firstPart.accept(new byte[0]);
            }
            jdbc.update("UPDATE registry_import_job SET uploaded_bytes = ?, upload_parts = ? WHERE job_id = ?", total, part, jobId);
            return jobId;
        });
    }

    /**
     * Takes the lease of the oldest unfinished job when nobody holds it: jobs run one at a time in upload order across
     * all instances, since a file names rows of the files before it. SKIP LOCKED lets a second instance pass over a
     * job being claimed instead of waiting for it.
     */
    Optional<Claimed> claim(String owner, Duration lease) {
        List<Claimed> claimed = jdbc.query("UPDATE registry_import_job SET status = 'RUNNING', lease_owner = ?, "
                + "lease_until = now() + make_interval(secs => ?), started_at = coalesce(started_at, now()) "
                + "WHERE job_id = (SELECT j.job_id FROM registry_import_job j WHERE j.status IN ('QUEUED', 'RUNNING') "
                + "AND (j.lease_until IS NULL OR j.lease_until < now()) AND NOT EXISTS (SELECT 1 FROM registry_import_job o "
                + "WHERE o.status IN ('QUEUED', 'RUNNING') AND o.created_at < j.created_at) "
                + "ORDER BY j.created_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING job_id, kind, rows_read",
                (rs, n) -> new Claimed(rs.getObject(1, UUID.class), ImportKind.of(rs.getString(2)).orElseThrow(),
                        rs.getLong(3)), owner, (double) lease.toMillis() / 1000);
        return claimed.stream().findFirst();
    }

    /**
     * Adds a chunk's counts and renews the lease, in the chunk's transaction; false when the lease is no longer this
     * owner's (another instance took the job over): the chunk must then roll back.
     */
    boolean recordChunk(UUID jobId, String owner, long rows, long accepted, long unchanged, long rejected, long millis,
                        Duration lease) {
        return jdbc.update("UPDATE registry_import_job SET rows_read = rows_read + ?, accepted = accepted + ?, "
                        + "unchanged = unchanged + ?, rejected = rejected + ?, run_millis = run_millis + ?, "
                        + "lease_until = now() + make_interval(secs => ?) WHERE job_id = ? AND lease_owner = ? AND status = 'RUNNING'",
                rows, accepted, unchanged, rejected, millis, (double) lease.toMillis() / 1000, jobId, owner) == 1;
    }

    void addRejections(UUID jobId, List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO registry_import_rejection (job_id, row_number, field, reason) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", rejections, 500, (ps, r) -> {
            ps.setObject(1, jobId);
            ps.setLong(2, r.rowNumber());
            ps.setString(3, r.field());
            ps.setString(4, r.reason());
        });
    }

    /** Ends the job (the upload is dropped: the ledger and the counts are what remains). */
    void finish(UUID jobId, String owner, String status, String failure) {
        transactions.executeWithoutResult(s -> {
            int updated = jdbc.update("UPDATE registry_import_job SET status = ?, failure = ?, finished_at = now(), "
                    + "lease_owner = NULL, lease_until = NULL WHERE job_id = ? AND lease_owner = ?", status, failure, jobId, owner);
            if (updated == 1) {
                jdbc.update("DELETE FROM registry_import_upload WHERE job_id = ?", jobId);
            }
        });
    }

    /** Gives the lease up (a stopping instance): another instance resumes the job at once. */
    void release(UUID jobId, String owner) {
        jdbc.update("UPDATE registry_import_job SET lease_until = now() WHERE job_id = ? AND lease_owner = ?", jobId, owner);
    }

    Optional<ImportJob> find(UUID jobId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM registry_import_job WHERE job_id = ?", ImportJobs::job, jobId)
                .stream().findFirst();
    }

    Page<Rejection> rejections(UUID jobId, PageQuery query) {
        Long total = jdbc.queryForObject("SELECT count(*) FROM registry_import_rejection WHERE job_id = ?", Long.class, jobId);
        List<Rejection> items = jdbc.query("SELECT row_number, field, reason FROM registry_import_rejection WHERE job_id = ? "
                        + "ORDER BY row_number, field LIMIT ? OFFSET ?",
                (rs, n) -> new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3)), jobId, query.size(), query.offset());
        return new Page<>(items, query.page(), query.size(), total == null ? 0 : total);
    }

    /** The stored upload as one stream, a part at a time. */
    InputStream upload(UUID jobId) {
        return new UploadStream(jdbc, jobId);
    }

    private static ImportJob job(ResultSet rs, int n) throws SQLException {
        long rows = rs.getLong("rows_read");
        long millis = rs.getLong("run_millis");
        return new ImportJob(rs.getObject("job_id", UUID.class).toString(), rs.getString("kind"), rs.getString("status"),
                rs.getLong("uploaded_bytes"), rows, rs.getLong("accepted"), rs.getLong("unchanged"), rs.getLong("rejected"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), millis == 0 ? null : Math.round(rows * 10_000.0 / millis) / 10.0,
                rs.getString("failure"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Reads part after part; holds one part (1 MB) at a time. */
    private static final class UploadStream extends InputStream {
        private final JdbcTemplate jdbc;
        private final UUID jobId;
        private int nextPart;
        private byte[] current = new byte[0];
        private int position;
        private boolean done;

        UploadStream(JdbcTemplate jdbc, UUID jobId) {
            this.jdbc = jdbc;
            this.jobId = jobId;
        }

        private boolean fill() {
            while (!done && position >= current.length) {
                List<byte[]> part = jdbc.query("SELECT data FROM registry_import_upload WHERE job_id = ? AND part = ?",
                        (rs, n) -> rs.getBytes(1), jobId, nextPart);
                if (part.isEmpty()) {
                    done = true;
                } else {
                    current = part.get(0);
                    position = 0;
                    nextPart++;
                }
            }
            return !done || position < current.length;
        }

        @Override
        public int read() {
            return fill() ? current[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }
    }
}
