package cn.changning.governance.cases.projection;

import cn.changning.governance.cases.domain.CaseStep;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The open-case gauge without Spring: one series per open step and street, read from the counts it is given. */
class CaseMetricsTest {

    static final String HUAYANG = "310105001";
    static final String XIANXIA = "310105008";

    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void everyOpenStepAndStreetHasASeriesWithItsCountAndEndedStepsHaveNone() {
        CaseMetrics metrics = new CaseMetrics(meters, List.of(HUAYANG, XIANXIA), Duration.ZERO);
        metrics.openCasesFrom(() -> Map.of(
                new CaseMetrics.StepAndStreet(CaseStep.FILED, HUAYANG), 3L,
                new CaseMetrics.StepAndStreet(CaseStep.DISPATCHED, XIANXIA), 2L,
                new CaseMetrics.StepAndStreet(CaseStep.REPORTED, CaseMetrics.UNKNOWN), 1L));

        assertThat(open("FILED", HUAYANG)).isEqualTo(3.0);
        assertThat(open("FILED", XIANXIA)).isZero();
        assertThat(open("DISPATCHED", XIANXIA)).isEqualTo(2.0);
        assertThat(open("REPORTED", CaseMetrics.UNKNOWN)).as("a report outside the district's streets").isEqualTo(1.0);
        assertThat(meters.find("governance.cases.open").tag("step", "CLOSED").gauges()).isEmpty();
        long openSteps = java.util.Arrays.stream(CaseStep.values()).filter(CaseStep::isOpen).count();
        assertThat(meters.find("governance.cases.open").gauges()).hasSize((int) openSteps * 3);
    }

    @Test
    void oneScrapeReadsTheCountsOnceForAllItsSeries() {
        CaseMetrics metrics = new CaseMetrics(meters, List.of(HUAYANG, XIANXIA), Duration.ofDays(1));
        AtomicInteger reads = new AtomicInteger();
        metrics.openCasesFrom(() -> {
            reads.incrementAndGet();
            return Map.of(new CaseMetrics.StepAndStreet(CaseStep.FILED, HUAYANG), 3L);
        });
        meters.find("governance.cases.open").gauges().forEach(g -> g.value());
        assertThat(reads).hasValue(1);
        assertThat(open("FILED", HUAYANG)).isEqualTo(3.0);
    }

    private double open(String step, String street) {
        return meters.get("governance.cases.open").tags("step", step, "street", street).gauge().value();
    }
}
