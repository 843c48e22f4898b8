package cn.changning.governance.partyregistry.projection.statistics;

import cn.changning.governance.contracts.registry.PartyMemberCategory;
import cn.changning.governance.contracts.registry.PartyOrganizationKind;
import cn.changning.governance.contracts.registry.ResidentUnitCategory;
import cn.changning.governance.partyregistry.projection.statistics.StatisticsFields.Metric;
import cn.changning.governance.partyregistry.projection.statistics.StatisticsFields.Scope;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.changning.governance.partyregistry.projection.statistics.StatisticsFields.*;

/**
 * Reads of the statistics: each answer reads a few counter documents by id (a metric at a place), never a member or an
 * organisation. The counts of a document are summed over the partitions that wrote it already (one document each).
 */
public class StatisticsQueries {

    private static final List<Metric> PLACE_METRICS = List.of(Metric.ORGANIZATIONS, Metric.MEMBERS, Metric.BUILDINGS,
            Metric.RESIDENT_UNITS, Metric.YOUTH_LEAGUE_ORGANIZATIONS, Metric.TRADE_UNIONS, Metric.PARTY_WORKERS);

    private final MongoTemplate mongo;
    private final String collection;

    public StatisticsQueries(MongoTemplate mongo) {
        this(mongo, COUNTERS);
    }

    public StatisticsQueries(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /** The counts at each of these places of one scope, in the order given. */
    public List<StatisticsViews.PlaceCounts> placeCounts(Scope scope, List<String> places) {
        List<String> ids = new ArrayList<>();
        for (Metric m : PLACE_METRICS) {
            ids.addAll(counterIds(m, scope, places));
        }
        Map<String, Map<String, Long>> counts = CounterStore.read(mongo.getCollection(collection), ids);
        List<StatisticsViews.PlaceCounts> answers = new ArrayList<>();
        for (String place : places) {
            Map<String, Long> units = counts.getOrDefault(counterId(Metric.RESIDENT_UNITS, scope, place), Map.of());
            long twoNew = units.getOrDefault(ResidentUnitCategory.NEW_ECONOMIC.name(), 0L)
                    + units.getOrDefault(ResidentUnitCategory.NEW_SOCIAL.name(), 0L);
            Map<String, Long> youth = counts.getOrDefault(counterId(Metric.YOUTH_LEAGUE_ORGANIZATIONS, scope, place), Map.of());
            Map<String, Long> unions = counts.getOrDefault(counterId(Metric.TRADE_UNIONS, scope, place), Map.of());
            Map<String, Long> workers = counts.getOrDefault(counterId(Metric.PARTY_WORKERS, scope, place), Map.of());
            answers.add(new StatisticsViews.PlaceCounts(scope.name(), place,
                    breakdown(counts.get(counterId(Metric.ORGANIZATIONS, scope, place)), PartyOrganizationKind.values()),
                    breakdown(counts.get(counterId(Metric.MEMBERS, scope, place)), PartyMemberCategory.values()),
                    counts.getOrDefault(counterId(Metric.BUILDINGS, scope, place), Map.of()).getOrDefault(TOTAL, 0L),
                    breakdown(units, ResidentUnitCategory.values()), twoNew,
                    youth.getOrDefault(TOTAL, 0L), youth.getOrDefault(MEMBER_COUNT, 0L),
                    unions.getOrDefault(TOTAL, 0L), unions.getOrDefault(MEMBER_COUNT, 0L),
                    workers.getOrDefault(FULL_TIME, 0L), workers.getOrDefault(PART_TIME, 0L)));
        }
        return answers;
    }

    public StatisticsViews.Secretaries507030 secretaries507030(Scope scope, String place, LocalDate on) {
        return RegistryIndicators.secretaries507030(scope.name(), place, on, one(Metric.SECRETARIES, scope, place));
    }

    /** @param areas how many residential areas the place has (the reference data's) */
    public StatisticsViews.PoliceCoverage coverage(Scope scope, String place, LocalDate on, long areas) {
        Map<String, Map<String, Long>> counts = CounterStore.read(mongo.getCollection(collection), List.of(
                counterId(Metric.OFFICERS_IN_POST, scope, place), counterId(Metric.AREAS, scope, place),
                counterId(Metric.POLICE_OFFICERS, scope, place), counterId(Metric.EARLY_RELEASES, scope, place)));
        long early = counts.getOrDefault(counterId(Metric.EARLY_RELEASES, scope, place), Map.of()).values().stream()
                .mapToLong(Long::longValue).sum();
        return RegistryIndicators.coverage(scope.name(), place, on, areas,
                counts.getOrDefault(counterId(Metric.OFFICERS_IN_POST, scope, place), Map.of()),
                counts.getOrDefault(counterId(Metric.AREAS, scope, place), Map.of()),
                counts.getOrDefault(counterId(Metric.POLICE_OFFICERS, scope, place), Map.of()), early);
    }

    public List<StatisticsViews.WorkerRatio> workers(Scope scope, List<String> places) {
        List<String> ids = new ArrayList<>(counterIds(Metric.PARTY_WORKERS, scope, places));
        ids.addAll(counterIds(Metric.RESIDENT_UNITS, scope, places));
        Map<String, Map<String, Long>> counts = CounterStore.read(mongo.getCollection(collection), ids);
        List<StatisticsViews.WorkerRatio> answers = new ArrayList<>();
        for (String place : places) {
            Map<String, Long> units = counts.getOrDefault(counterId(Metric.RESIDENT_UNITS, scope, place), Map.of());
            long twoNew = units.getOrDefault(ResidentUnitCategory.NEW_ECONOMIC.name(), 0L)
                    + units.getOrDefault(ResidentUnitCategory.NEW_SOCIAL.name(), 0L);
            long fullTime = counts.getOrDefault(counterId(Metric.PARTY_WORKERS, scope, place), Map.of()).getOrDefault(FULL_TIME, 0L);
            answers.add(RegistryIndicators.workers(scope.name(), place, fullTime, twoNew));
        }
        return answers;
    }

    /** The district's figure: officers who joined the party in the year ÷ members who joined in the year. */
    public StatisticsViews.NewMembersPoliceShare newMembersPoliceShare(int year) {
        Map<String, Long> officers = one(Metric.OFFICERS_JOINED_PARTY, Scope.DISTRICT, DISTRICT_CODE);
        Map<String, Long> members = one(Metric.MEMBERS_JOINED, Scope.DISTRICT, DISTRICT_CODE);
        String prefix = year + "-";
        long joined = members.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
        return RegistryIndicators.newMembersPoliceShare(year, officers.getOrDefault(Integer.toString(year), 0L), joined);
    }

    /** Members joined and organisations founded per month, from {@code from} to {@code to} inclusive. */
    public List<StatisticsViews.MonthlyTrend> monthlyTrends(Scope scope, String place, YearMonth from, YearMonth to) {
        Map<String, Map<String, Long>> counts = CounterStore.read(mongo.getCollection(collection), List.of(
                counterId(Metric.MEMBERS_JOINED, scope, place), counterId(Metric.ORGANIZATIONS_FOUNDED, scope, place)));
        Map<String, Long> members = counts.getOrDefault(counterId(Metric.MEMBERS_JOINED, scope, place), Map.of());
        Map<String, Long> organizations = counts.getOrDefault(counterId(Metric.ORGANIZATIONS_FOUNDED, scope, place), Map.of());
        List<StatisticsViews.MonthlyTrend> trends = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            trends.add(new StatisticsViews.MonthlyTrend(m.toString(), members.getOrDefault(m.toString(), 0L),
                    organizations.getOrDefault(m.toString(), 0L)));
        }
        return trends;
    }

    private Map<String, Long> one(Metric metric, Scope scope, String place) {
        return CounterStore.read(mongo.getCollection(collection), List.of(counterId(metric, scope, place)))
                .getOrDefault(counterId(metric, scope, place), Map.of());
    }

    /** Every part (zero included), sorted by name, and their total. */
    private static StatisticsViews.Breakdown breakdown(Map<String, Long> counts, Enum<?>... parts) {
        Map<String, Long> by = new TreeMap<>();
        for (Enum<?> p : parts) {
            by.put(p.name(), 0L);
        }
        if (counts != null) {
            counts.forEach((k, v) -> by.merge(k, v, Long::sum));
        }
        return new StatisticsViews.Breakdown(by.values().stream().mapToLong(Long::longValue).sum(), new LinkedHashMap<>(by));
    }
}
