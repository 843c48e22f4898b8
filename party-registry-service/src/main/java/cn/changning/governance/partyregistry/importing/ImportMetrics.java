package cn.changning.governance.partyregistry.importing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code registry_import_rows_total{kind,outcome}} (accepted, unchanged, rejected) counted when a chunk commits, and
 * the progress of this instance's running job: {@code registry_import_running_rows{kind}} (rows read so far, 0 when
 * none runs). Labels are the nine kinds and three outcomes only: never a job id.
 */
public class ImportMetrics {

    static final String ACCEPTED = "accepted";
    static final String UNCHANGED = "unchanged";
    static final String REJECTED = "rejected";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<ImportKind, AtomicLong> running = new EnumMap<>(ImportKind.class);

    public ImportMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ImportKind kind : ImportKind.values()) {
            AtomicLong rows = new AtomicLong();
            running.put(kind, rows);
            Gauge.builder("registry.import.running.rows", rows, AtomicLong::get)
                    .description("Rows read so far by the import job of this kind running on this instance (0: none)")
                    .tag("kind", kind.parameter()).register(registry);
            for (String outcome : new String[] {ACCEPTED, UNCHANGED, REJECTED}) {
                counter(kind, outcome);
            }
        }
    }

    void rows(ImportKind kind, String outcome, long n) {
        if (n > 0) {
            counter(kind, outcome).increment(n);
        }
    }

    void progress(ImportKind kind, long rowsRead) {
        running.get(kind).set(rowsRead);
    }

    private Counter counter(ImportKind kind, String outcome) {
        return counters.computeIfAbsent(kind.parameter() + "/" + outcome, k -> Counter.builder("registry.import.rows")
                .description("Rows of registry import files by outcome").tag("kind", kind.parameter())
                .tag("outcome", outcome).register(registry));
    }
}
