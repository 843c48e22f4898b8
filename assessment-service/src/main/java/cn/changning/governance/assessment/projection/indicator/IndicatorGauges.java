package cn.changning.governance.assessment.projection.indicator;

import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.indicator.IndicatorSubject;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Per street, the current month's on-time handling and on-time closure rates, for operators to chart:
 * {@code governance_assessment_on_time_handling_ratio{street}} and {@code governance_assessment_on_time_closure_ratio{street}}.
 * The month is the service clock's, in the calendar zone. Refreshed on a schedule from the read model (one read of
 * the month's facts for all streets), never per request; a street with nothing due reads NaN (no value, not 0).
 * Labels: the district's streets only (bounded).
 */
public class IndicatorGauges {

    public static final String ON_TIME_HANDLING = "governance.assessment.on_time_handling.ratio";
    public static final String ON_TIME_CLOSURE = "governance.assessment.on_time_closure.ratio";

    private final IndicatorQueries queries;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, AtomicReference<Double>> handling = new LinkedHashMap<>();
    private final Map<String, AtomicReference<Double>> closure = new LinkedHashMap<>();

    public IndicatorGauges(IndicatorQueries queries, Clock clock, ZoneId zone, Collection<String> streets, MeterRegistry meters) {
        this.queries = queries;
        this.clock = clock;
        this.zone = zone;
        for (String street : streets) {
            handling.put(street, gauge(meters, ON_TIME_HANDLING, "On-time handling rate of the current month", street));
            closure.put(street, gauge(meters, ON_TIME_CLOSURE, "On-time closure rate of the current month", street));
        }
    }

    private static AtomicReference<Double> gauge(MeterRegistry meters, String name, String description, String street) {
        AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
        Gauge.builder(name, value, v -> v.get()).description(description).tag("street", street).register(meters);
        return value;
    }

    /** Reads the current month's indicators of every street and sets the gauges. */
    public void refresh() {
        List<ReportingPeriod> periods = ReportingPeriod.of(clock.instant(), zone);
        ReportingPeriod month = periods.get(0);
        Map<IndicatorSubject, IndicatorValues> all = queries.allIndicators(month);
        handling.forEach((street, value) -> value.set(valueOf(all, street, Indicator.ON_TIME_HANDLING_RATE)));
        closure.forEach((street, value) -> value.set(valueOf(all, street, Indicator.ON_TIME_CLOSURE_RATE)));
    }

    private static double valueOf(Map<IndicatorSubject, IndicatorValues> all, String street, Indicator indicator) {
        IndicatorValues values = all.get(IndicatorSubject.street(street));
        Double v = values == null ? null : values.of(indicator).value();
        return v == null ? Double.NaN : v;
    }
}
