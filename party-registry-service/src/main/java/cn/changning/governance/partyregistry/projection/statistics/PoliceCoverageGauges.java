package cn.changning.governance.partyregistry.projection.statistics;

import cn.changning.governance.partyregistry.projection.statistics.StatisticsFields.Scope;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Community police coverage per street, for operators to chart against the rule of one officer per residential area:
 * {@code registry_police_coverage_areas{street}} (the street's residential areas, from the reference data),
 * {@code registry_police_coverage_areas_with_officer{street}} and {@code registry_police_coverage_ratio{street}}
 * (with an officer / areas), as the registry's counters stand on the service clock's today. Refreshed on a schedule
 * from the counters (one query per street, as {@code GET /statistics/police-coverage?streetCode=} answers), never per
 * scrape; every instance reports the same figure (take max, not sum). Labels: the district's streets only.
 */
public class PoliceCoverageGauges {

    public static final String AREAS = "registry.police.coverage.areas";
    public static final String AREAS_WITH_OFFICER = "registry.police.coverage.areas.with.officer";
    public static final String RATIO = "registry.police.coverage.ratio";

    private final StatisticsQueries queries;
    private final Clock clock;
    private final Map<String, Long> areasByStreet;
    private final Map<String, AtomicLong> withOfficer = new LinkedHashMap<>();

    /** @param areasByStreet each street's number of residential areas (the denominator) */
    public PoliceCoverageGauges(StatisticsQueries queries, Clock clock, Map<String, Long> areasByStreet, MeterRegistry meters) {
        this.queries = queries;
        this.clock = clock;
        this.areasByStreet = Map.copyOf(areasByStreet);
        areasByStreet.forEach((street, areas) -> {
            AtomicLong covered = new AtomicLong();
            withOfficer.put(street, covered);
            Gauge.builder(AREAS, () -> areas).tag("street", street)
                    .description("Residential areas of the street").register(meters);
            Gauge.builder(AREAS_WITH_OFFICER, covered, AtomicLong::get).tag("street", street)
                    .description("Residential areas of the street with a community police officer in post").register(meters);
            Gauge.builder(RATIO, covered, c -> areas == 0 ? Double.NaN : (double) c.get() / areas).tag("street", street)
                    .description("Share of the street's residential areas with a community police officer in post").register(meters);
        });
    }

    /** Reads every street's coverage as of today and sets the gauges. */
    public void refresh() {
        LocalDate today = LocalDate.now(clock);
        withOfficer.forEach((street, covered) ->
                covered.set(queries.coverage(Scope.STREET, street, today, areasByStreet.get(street)).areasWithOfficer()));
    }
}
