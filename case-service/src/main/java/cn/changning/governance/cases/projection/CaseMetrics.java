package cn.changning.governance.cases.projection;

import cn.changning.governance.cases.domain.CaseStep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Business metrics of the closed loop, recorded by the projection when it applies an event for
 * the first time, so a redelivered event is not counted twice. The open-case gauge mirrors the
 * pre-aggregated counts: every instance reports the same district-wide figure (take max, not sum).
 */
public class CaseMetrics {

    static final String UNKNOWN = "unknown";

    private final MeterRegistry registry;
    private final Map<CaseStep, AtomicLong> openByStep = new EnumMap<>(CaseStep.class);

    public CaseMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (CaseStep step : CaseStep.values()) {
            if (step.isOpen()) {
                AtomicLong value = new AtomicLong();
                openByStep.put(step, value);
                Gauge.builder("governance.cases.open", value, AtomicLong::get)
                        .description("Open cases by step of the closed loop")
                        .tag("step", step.name())
                        .register(registry);
            }
        }
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

    void openCases(Map<CaseStep, Long> counts) {
        openByStep.forEach((step, value) -> value.set(counts.getOrDefault(step, 0L)));
    }
}
