package cn.changning.governance.cases.projection;

import cn.changning.governance.cases.domain.CaseStep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Business metrics of the closed loop, recorded by the projection when it applies an event for
 * the first time, so a redelivered event is not counted twice. The open-case gauge mirrors the
 * pre-aggregated counts, read when scraped: every instance reports the same district-wide figure (take max, not sum).
 */
public class CaseMetrics {

    static final String UNKNOWN = "unknown";

    /** The open-case counts are read from the store when scraped, at most this often. */
    private static final long OPEN_CASES_MAX_AGE_NANOS = Duration.ofSeconds(1).toNanos();

    private final MeterRegistry registry;
    private volatile Supplier<Map<CaseStep, Long>> openCasesSource = Map::of;
    private volatile Map<CaseStep, Long> openCases = Map.of();
    private volatile long openCasesReadAt = Long.MIN_VALUE;

    public CaseMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (CaseStep step : CaseStep.values()) {
            if (step.isOpen()) {
                Gauge.builder("governance.cases.open", this, m -> m.openCases().getOrDefault(step, 0L))
                        .description("Open cases by step of the closed loop")
                        .tag("step", step.name())
                        .register(registry);
            }
        }
    }

    /** Where the open-case gauge reads its counts (on scrape, not on every projected batch). */
    void openCasesFrom(Supplier<Map<CaseStep, Long>> source) {
        this.openCasesSource = source;
        this.openCasesReadAt = Long.MIN_VALUE;
    }

    /** One of reported, filed, rejected, closed, reworked. */
    void count(String what, String streetCode, String itemClass) {
        Counter.builder("governance.cases." + what)
                .description("Cases " + what + ", by street and item class")
                .tag("street", streetCode == null ? UNKNOWN : streetCode)
                .tag("item_class", itemClass == null ? UNKNOWN : itemClass)
                .register(registry)
                .increment();
    }

    void reportToClose(Duration duration, String itemClass) {
        Timer.builder("governance.cases.report.to.close")
                .description("Time from a report to the closing of its case")
                .tag("item_class", itemClass == null ? UNKNOWN : itemClass)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMinutes(10))
                .maximumExpectedValue(Duration.ofDays(90))
                .register(registry)
                .record(duration);
    }

    private Map<CaseStep, Long> openCases() {
        long now = System.nanoTime();
        if (openCasesReadAt == Long.MIN_VALUE || now - openCasesReadAt > OPEN_CASES_MAX_AGE_NANOS) {
            openCases = openCasesSource.get();
            openCasesReadAt = now;
        }
        return openCases;
    }
}
