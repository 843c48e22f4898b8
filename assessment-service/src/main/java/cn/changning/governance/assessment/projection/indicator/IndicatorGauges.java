package cn.changning.governance.assessment.projection.indicator;

import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.indicator.IndicatorSubject;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Per street, the current month's on-time handling and on-time closure rates, for operators to chart:
 * {@code governance_assessment_on_time_handling_ratio{street}} and {@code governance_assessment_on_time_closure_ratio{street}}.
 * The month is the service clock's, in the calendar zone. Refreshed on a schedule from the read model (one read of
 * the month's facts for all streets), never per request; a street with nothing due reads NaN (no value, not 0).
 * Labels: the district's streets only (bounded).
 *
 * <p>The same per stationed agency, {@code governance_assessment_agency_on_time_handling_ratio{agency,street}} and
 * {@code ..._closure_ratio{agency,street}} (about 120 agencies, each in one street, {@code district} for the district's
 * units): a row only for an agency with something due this month, so an idle agency adds no series.</p>
 */
public class IndicatorGauges {

    public static final String ON_TIME_HANDLING = "governance.assessment.on_time_handling.ratio";
    public static final String ON_TIME_CLOSURE = "governance.assessment.on_time_closure.ratio";
    public static final String AGENCY_ON_TIME_HANDLING = "governance.assessment.agency.on_time_handling.ratio";
    public static final String AGENCY_ON_TIME_CLOSURE = "governance.assessment.agency.on_time_closure.ratio";
    /** The street label of an agency that belongs to no street (a district unit). */
    public static final String DISTRICT = "district";

    private final IndicatorQueries queries;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, AtomicReference<Double>> handling = new LinkedHashMap<>();
    private final Map<String, AtomicReference<Double>> closure = new LinkedHashMap<>();
    private final Function<String, String> streetOfAgency;
    private final MultiGauge agencyHandling;
    private final MultiGauge agencyClosure;

    /** @param streetOfAgency an agency's street code, or null for one of the district's units */
    public IndicatorGauges(IndicatorQueries queries, Clock clock, ZoneId zone, Collection<String> streets,
                           Function<String, String> streetOfAgency, MeterRegistry meters) {
        this.queries = queries;
        this.clock = clock;
        this.zone = zone;
        this.streetOfAgency = streetOfAgency;
        this.agencyHandling = MultiGauge.builder(AGENCY_ON_TIME_HANDLING)
                .description("On-time handling rate of the current month, per agency").register(meters);
        this.agencyClosure = MultiGauge.builder(AGENCY_ON_TIME_CLOSURE)
                .description("On-time closure rate of the current month, per agency").register(meters);
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
        agencyHandling.register(agencyRows(all, Indicator.ON_TIME_HANDLING_RATE), true);
        agencyClosure.register(agencyRows(all, Indicator.ON_TIME_CLOSURE_RATE), true);
    }

    private List<MultiGauge.Row<?>> agencyRows(Map<IndicatorSubject, IndicatorValues> all, Indicator indicator) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        all.forEach((subject, values) -> {
            if (subject.kind() == SubjectKind.AGENCY) {
                Double v = values.of(indicator).value();
                if (v != null) {
                    String street = streetOfAgency.apply(subject.id());
                    rows.add(MultiGauge.Row.of(Tags.of("agency", subject.id(), "street", street == null ? DISTRICT : street), v));
                }
            }
        });
        return rows;
    }

    private static double valueOf(Map<IndicatorSubject, IndicatorValues> all, String street, Indicator indicator) {
        IndicatorValues values = all.get(IndicatorSubject.street(street));
        Double v = values == null ? null : values.of(indicator).value();
        return v == null ? Double.NaN : v;
    }
}
