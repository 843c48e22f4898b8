package cn.changning.governance.assessment.projection.evaluation;

import cn.changning.governance.assessment.domain.evaluation.SurveyCoverage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each street's survey coverage of the current year (on the service's clock, in the working calendar's zone), for
 * operators to chart: {@code governance_assessment_survey_respondents{street}} and
 * {@code governance_assessment_survey_coverage_ratio{street}} (respondents / 1,000, capped at 1). One label, the
 * street: bounded. Refreshed on a schedule from the read model, so a restart shows the right figures at once.
 */
public class SurveyCoverageGauges {

    public static final String RESPONDENTS = "governance.assessment.survey.respondents";
    public static final String COVERAGE = "governance.assessment.survey.coverage.ratio";

    private final ResidentEvaluationQueries queries;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, AtomicLong> respondents = new ConcurrentHashMap<>();

    public SurveyCoverageGauges(MeterRegistry registry, ResidentEvaluationQueries queries, Collection<String> streets, Clock clock, ZoneId zone) {
        this.queries = queries;
        this.clock = clock;
        this.zone = zone;
        for (String street : streets) {
            AtomicLong count = new AtomicLong();
            respondents.put(street, count);
            Gauge.builder(RESPONDENTS, count, AtomicLong::get).tag("street", street)
                    .description("Survey respondents of the street in the current year").register(registry);
            Gauge.builder(COVERAGE, count, c -> Math.min(1.0, (double) c.get() / SurveyCoverage.TARGET)).tag("street", street)
                    .description("Survey respondents of the street in the current year / " + SurveyCoverage.TARGET).register(registry);
        }
    }

    public void refresh() {
        int year = clock.instant().atZone(zone).getYear();
        Map<String, Long> counts = queries.respondentsByStreet(year);
        respondents.forEach((street, count) -> count.set(counts.getOrDefault(street, 0L)));
    }
}
