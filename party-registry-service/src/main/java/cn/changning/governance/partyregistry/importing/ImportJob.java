package cn.changning.governance.partyregistry.importing;

import java.time.Instant;

/**
 * An import job as the API shows it: what it read and did so far. Counts are committed progress (a resumed job
 * continues from them).
 *
 * @param rowsPerSecond rows read per second of processing (over all resumptions), null before the first chunk
 */
public record ImportJob(String jobId, String kind, String status, long uploadedBytes, long rowsRead, long accepted,
                        long unchanged, long rejected, Instant createdAt, Instant startedAt, Instant finishedAt,
                        Double rowsPerSecond, String failure) {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";

    public boolean finished() {
        return SUCCEEDED.equals(status) || FAILED.equals(status);
    }
}
