package cn.changning.governance.cases.projection;

import cn.changning.governance.cases.domain.CaseStep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Business metrics of the closed loop, recorded by the projection when it applies an event for
 * the first time, so a redelivered event is not counted twice: {@code governance.cases.<what>} by street, grid and
 * item class (bounded: 10 streets, 33 grids, 3 classes; never a case id). The open-case gauge
 * ({@code governance.cases.open}, by step and street) mirrors the pre-aggregated counts, read when scraped and kept
 * {@link #OPEN_CASES_MAX_AGE}: every instance reports the same district-wide figure (take max, not sum).
 */
public class CaseMetrics {

    static final String UNKNOWN = "unknown";

    /**
     * The open-case counts are read from the store when scraped, at most this often: one read of the counts serves
     * the gauges of every step and street of a scrape (and of a few scrapers) instead of one read per series.
     */
    static final Duration OPEN_CASES_MAX_AGE = Duration.ofSeconds(5);

    /** Open cases of one step in one street. */
    record StepAndStreet(CaseStep step, String street) {
    }

    private final MeterRegistry registry;
    private final long maxAgeNanos;
    private volatile Supplier<Map<StepAndStreet, Long>> openCasesSource = Map::of;
    private volatile Map<StepAndStreet, Long> openCases = Map.of();
    private volatile long openCasesReadAt = Long.MIN_VALUE;

    /** @param streets the district's street codes: one open-case series per open step and street (and "unknown") */
    public CaseMetrics(MeterRegistry registry, Collection<String> streets) {
        this(registry, streets, OPEN_CASES_MAX_AGE);
    }

    CaseMetrics(MeterRegistry registry, Collection<String> streets, Duration maxAge) {
        this.registry = registry;
        this.maxAgeNanos = maxAge.toNanos();
        List<String> streetTags = new ArrayList<>(streets);
        streetTags.add(UNKNOWN);
        for (CaseStep step : CaseStep.values()) {
            if (step.isOpen()) {
                for (String street : streetTags) {
                    StepAndStreet key = new StepAndStreet(step, street);
                    Gauge.builder("governance.cases.open", this, m -> m.openCases().getOrDefault(key, 0L))
                            .description("Open cases by step of the closed loop and street")
                            .tags("step", step.name(), "street", street)
                            .register(registry);
                }
            }
        }
    }

    /** Where the open-case gauge reads its counts (on scrape, not on every projected batch); a null street is "unknown". */
    void openCasesFrom(Supplier<Map<StepAndStreet, Long>> source) {
        this.openCasesSource = source;
        this.openCasesReadAt = Long.MIN_VALUE;
    }

    /** One of reported, filed, rejected, closed, reworked; the grid is unknown until a case is filed. */
    void count(String what, String streetCode, String gridCode, String itemClass) {
        Counter.builder("governance.cases." + what)
                .description("Cases " + what + ", by street, grid and item class")
                .tag("street", streetCode == null ? UNKNOWN : streetCode)
                .tag("grid", gridCode == null ? UNKNOWN : gridCode)
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

    private Map<StepAndStreet, Long> openCases() {
        long now = System.nanoTime();
        if (openCasesReadAt == Long.MIN_VALUE || now - openCasesReadAt > maxAgeNanos) {
            openCases = openCasesSource.get();
            openCasesReadAt = now;
        }
        return openCases;
    }
}
