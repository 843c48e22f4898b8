package cn.changning.governance.assessment.projection.rating;

import cn.changning.governance.assessment.domain.period.PeriodKind;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.assessment.domain.rating.PublishedScores;
import cn.changning.governance.assessment.domain.scoring.ScoreCard;
import cn.changning.governance.assessment.domain.scoring.ScoredPeriod;
import cn.changning.governance.assessment.domain.scoring.ScoredPeriods;
import cn.changning.governance.assessment.projection.rating.RatingViews.AgencyRating;
import cn.changning.governance.assessment.projection.rating.RatingViews.AgencyRow;
import cn.changning.governance.assessment.projection.rating.RatingViews.Eligibility;
import cn.changning.governance.assessment.projection.rating.RatingViews.PeriodView;
import cn.changning.governance.assessment.projection.rating.RatingViews.StreetRow;
import cn.changning.governance.assessment.projection.rating.RatingViews.StreetSheet;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.assessment.AgencyGrade;
import cn.changning.governance.contracts.assessment.AgencyScoringInputs;
import cn.changning.governance.contracts.assessment.PublishedScoreCard;
import cn.changning.governance.contracts.assessment.PublishedScoreLine;
import cn.changning.governance.contracts.assessment.StreetScoringInputs;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static cn.changning.governance.assessment.projection.rating.RatingDocuments.*;

/**
 * Reads of the ratings' read models: periods, scoreboards with ranks, an agency's rating and history, street sheets,
 * award eligibility; and {@link ScoredPeriods} for what-if re-scoring (inputs and cards with corrections applied).
 * Lists are whole in memory: a period has 70 agencies and 10 streets.
 */
public class RatingQueries implements ScoredPeriods {

    private final MongoTemplate mongo;
    private final ObjectMapper objectMapper;

    public RatingQueries(MongoTemplate mongo, ObjectMapper objectMapper) {
        this.mongo = mongo;
        this.objectMapper = objectMapper;
    }

    public List<PeriodView> periods() {
        List<PeriodView> periods = new ArrayList<>();
        mongo.getCollection(PERIODS).find().forEach(d -> periods.add(period(d)));
        periods.sort(Comparator.comparing((PeriodView p) -> ReportingPeriod.parse(p.periodId())).reversed());
        return periods;
    }

    public Optional<PeriodView> period(String periodId) {
        return Optional.ofNullable(mongo.getCollection(PERIODS).find(Filters.eq("_id", periodId)).first()).map(this::period);
    }

    /** The period's agencies the caller may see, ranked by total over the whole period (ranks do not depend on who asks). */
    public List<AgencyRow> scoreboard(String periodId, Predicate<AgencyRow> visible) {
        return agencyRows(periodId).stream().filter(visible).toList();
    }

    public Optional<AgencyRating> agency(String periodId, String agencyId) {
        Document d = mongo.getCollection(AGENCY_RATINGS)
                .find(Filters.and(Filters.eq(PERIOD_ID, periodId), Filters.eq(AGENCY_ID, agencyId))).first();
        if (d == null) {
            return Optional.empty();
        }
        AgencyRow row = agencyRows(periodId).stream().filter(r -> r.agencyId().equals(agencyId)).findFirst().orElseThrow();
        return Optional.of(new AgencyRating(row, periodId, read(d.get(INPUTS), AgencyScoringInputs.class),
                read(d.get(CARD), PublishedScoreCard.class), d.getString(STREET_REASON), d.getString(STREET_RATED_BY),
                d.getString(DEPARTMENT_CODE), d.getString(HEAD_STAFF_ID), d.getString(ELIGIBILITY_REASON), log(d)));
    }

    /** An agency's ratings over all periods, oldest first. */
    public List<AgencyRating> history(String agencyId) {
        List<String> periodIds = new ArrayList<>();
        mongo.getCollection(AGENCY_RATINGS).find(Filters.eq(AGENCY_ID, agencyId)).forEach(d -> periodIds.add(d.getString(PERIOD_ID)));
        return periodIds.stream().sorted(Comparator.comparing(ReportingPeriod::parse))
                .map(p -> agency(p, agencyId).orElseThrow()).toList();
    }

    public List<StreetRow> streets(int year) {
        return streetDocs(year).stream().map(d -> streetRow(d, 0)).sorted(byTotal(StreetRow::total)).toList()
                .stream().collect(ranked(StreetRow::total, (r, rank) -> new StreetRow(rank, r.streetCode(), r.year(), r.total(),
                        r.confirmed(), r.corrections(), r.version())));
    }

    public Optional<StreetSheet> street(int year, String streetCode) {
        Document d = mongo.getCollection(STREET_SHEETS)
                .find(Filters.and(Filters.eq(YEAR, year), Filters.eq(STREET_CODE, streetCode))).first();
        if (d == null) {
            return Optional.empty();
        }
        StreetRow row = streets(year).stream().filter(r -> r.streetCode().equals(streetCode)).findFirst().orElseThrow();
        return Optional.of(new StreetSheet(row, read(d.get(INPUTS), StreetScoringInputs.class), correctedCard(d),
                numbers(d.get(RECORDED_ITEMS, Document.class)), log(d)));
    }

    /** The heads' award eligibility for a year, for the agencies the caller may see. */
    public List<Eligibility> eligibility(int year, Predicate<String> visibleAgency) {
        List<Eligibility> list = new ArrayList<>();
        mongo.getCollection(AGENCY_RATINGS).find(Filters.and(Filters.eq(PERIOD_ID, Integer.toString(year)),
                        Filters.exists(ELIGIBLE, true))).sort(Sorts.ascending(AGENCY_ID))
                .forEach(d -> {
                    if (visibleAgency.test(d.getString(AGENCY_ID))) {
                        list.add(new Eligibility(d.getString(AGENCY_ID), d.getString(HEAD_STAFF_ID), year,
                                d.getBoolean(ELIGIBLE), d.getString(ELIGIBILITY_REASON), d.getString(STREET_GRADE),
                                d.getString(DEPARTMENT_GRADE)));
                    }
                });
        return list;
    }

    /**
     * What keeps the period from confirmation: agencies not scored or whose street has not confirmed their rating,
     * and for a year streets not scored.
     */
    public List<String> missing(ReportingPeriod period, List<String> agencyIds, List<String> streetCodes) {
        Map<String, Document> byAgency = new LinkedHashMap<>();
        mongo.getCollection(AGENCY_RATINGS).find(Filters.eq(PERIOD_ID, period.id())).forEach(d -> byAgency.put(d.getString(AGENCY_ID), d));
        List<String> missing = new ArrayList<>();
        for (String agencyId : agencyIds) {
            Document d = byAgency.get(agencyId);
            if (d == null || d.get(CARD) == null) {
                missing.add(agencyId + ": not scored");
            } else if (d.get(STREET_GRADE) == null) {
                missing.add(agencyId + ": its street has not confirmed its rating");
            }
        }
        if (period.kind() == PeriodKind.YEAR) {
            Map<String, Document> byStreet = new LinkedHashMap<>();
            streetDocs(period.year()).forEach(d -> byStreet.put(d.getString(STREET_CODE), d));
            for (String street : streetCodes) {
                Document d = byStreet.get(street);
                if (d == null || d.get(CARD) == null) {
                    missing.add("street " + street + ": sheet not scored");
                }
            }
        }
        return missing;
    }

    @Override
    public Optional<ScoredPeriod> find(ReportingPeriod period) {
        Optional<PeriodView> view = period(period.id());
        if (view.isEmpty() || view.get().state().equals("OPEN")) {
            return Optional.empty();
        }
        List<ScoredPeriod.ScoredAgency> agencies = new ArrayList<>();
        mongo.getCollection(AGENCY_RATINGS).find(Filters.and(Filters.eq(PERIOD_ID, period.id()), Filters.exists(CARD, true)))
                .sort(Sorts.ascending(AGENCY_ID)).forEach(d -> {
                    PublishedScoreCard card = read(d.get(CARD), PublishedScoreCard.class);
                    String grade = d.getString(STREET_GRADE); // the confirmed (and corrected) grade, else the proposed
                    ScoreCard corrected = PublishedScores.card(new PublishedScoreCard(card.schemeId(), card.total(),
                            grade == null ? card.grade() : AgencyGrade.valueOf(grade), card.lines()));
                    agencies.add(new ScoredPeriod.ScoredAgency(PublishedScores.inputs(read(d.get(INPUTS), AgencyScoringInputs.class)), corrected));
                });
        List<ScoredPeriod.ScoredStreet> streets = new ArrayList<>();
        if (period.kind() == PeriodKind.YEAR) {
            streetDocs(period.year()).stream().filter(d -> d.get(CARD) != null).forEach(d -> streets.add(new ScoredPeriod.ScoredStreet(
                    PublishedScores.inputs(read(d.get(INPUTS), StreetScoringInputs.class)), PublishedScores.card(correctedCard(d)))));
        }
        return Optional.of(new ScoredPeriod(period, view.get().agencySchemeId(), view.get().streetSchemeId(),
                view.get().state().equals("CONFIRMED"), agencies, streets));
    }

    private List<AgencyRow> agencyRows(String periodId) {
        List<AgencyRow> rows = new ArrayList<>();
        mongo.getCollection(AGENCY_RATINGS).find(Filters.eq(PERIOD_ID, periodId)).forEach(d -> rows.add(new AgencyRow(0,
                d.getString(AGENCY_ID), d.getString(STREET_CODE), d.getString(AGENCY_TYPE), d.getString(PARENT_DEPARTMENT),
                number(d.get(TOTAL)), d.getString(PROPOSED_GRADE), d.getString(STREET_GRADE), d.getString(DEPARTMENT_GRADE),
                d.getInteger(CORRECTION_COUNT, 0), d.getBoolean(ELIGIBLE), version(d))));
        rows.sort(byTotal(AgencyRow::total).thenComparing(AgencyRow::agencyId));
        return rows.stream().collect(ranked(AgencyRow::total, (r, rank) -> new AgencyRow(rank, r.agencyId(), r.streetCode(),
                r.agencyType(), r.parentDepartment(), r.total(), r.proposedGrade(), r.streetGrade(), r.departmentGrade(),
                r.corrections(), r.headEligible(), r.version())));
    }

    private List<Document> streetDocs(int year) {
        List<Document> docs = new ArrayList<>();
        mongo.getCollection(STREET_SHEETS).find(Filters.eq(YEAR, year)).sort(Sorts.ascending(STREET_CODE)).forEach(docs::add);
        return docs;
    }

    private StreetRow streetRow(Document d, int rank) {
        return new StreetRow(rank, d.getString(STREET_CODE), d.getInteger(YEAR), number(d.get(TOTAL)),
                Boolean.TRUE.equals(d.getBoolean(CONFIRMED)), d.getInteger(CORRECTION_COUNT, 0), version(d));
    }

    private PublishedScoreCard correctedCard(Document d) {
        PublishedScoreCard card = read(d.get(CARD), PublishedScoreCard.class);
        if (card == null) {
            return null;
        }
        Map<String, Double> corrections = numbers(d.get(ITEM_CORRECTIONS, Document.class));
        List<PublishedScoreLine> lines = card.lines().stream().map(l -> !corrections.containsKey(l.component()) ? l
                : new PublishedScoreLine(l.component(), l.label(), l.value(), l.maxPoints(), corrections.get(l.component()),
                "corrected from " + l.points())).toList();
        return new PublishedScoreCard(card.schemeId(), number(d.get(TOTAL)), card.grade(), lines);
    }

    /** Equal totals share a rank (1, 2, 2, 4); an unscored subject has none (0) and comes last. */
    private static <T> java.util.stream.Collector<T, ?, List<T>> ranked(java.util.function.Function<T, Double> total,
                                                                        java.util.function.BiFunction<T, Integer, T> withRank) {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
            List<T> out = new ArrayList<>(list.size());
            Double previous = null;
            int rank = 0;
            for (int i = 0; i < list.size(); i++) {
                Double t = total.apply(list.get(i));
                if (t == null) {
                    out.add(withRank.apply(list.get(i), 0));
                    continue;
                }
                if (!t.equals(previous)) {
                    rank = i + 1;
                    previous = t;
                }
                out.add(withRank.apply(list.get(i), rank));
            }
            return out;
        });
    }

    private static <T> Comparator<T> byTotal(java.util.function.Function<T, Double> total) {
        return Comparator.comparing(total, Comparator.nullsLast(Comparator.reverseOrder()));
    }

    private PeriodView period(Document d) {
        return new PeriodView(d.getString("_id"), d.getString(PERIOD_KIND), d.getString(AGENCY_SCHEME_ID),
                d.getString(STREET_SCHEME_ID), d.getString(STATE), d.getInteger(AGENCIES_SCORED), d.getInteger(STREETS_SCORED),
                d.getString(OPENED_AT), d.getString(SCORED_AT), d.getString(CONFIRMED_AT), version(d));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> log(Document d) {
        List<Map<String, Object>> log = new ArrayList<>();
        Object list = d.get(CORRECTIONS);
        if (list instanceof List<?> l) {
            l.forEach(o -> log.add(new LinkedHashMap<>((Map<String, Object>) o)));
        }
        return log;
    }

    private <T> T read(Object sub, Class<T> type) {
        if (sub == null) {
            return null;
        }
        try {
            return objectMapper.readValue(((Document) sub).toJson(), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " does not read back", e);
        }
    }

    private static Map<String, Double> numbers(Document d) {
        Map<String, Double> map = new LinkedHashMap<>();
        if (d != null) {
            d.forEach((k, v) -> map.put(k, ((Number) v).doubleValue()));
        }
        return map;
    }

    private static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    private static long version(Document d) {
        Number v = d.get(VersionedDocuments.VERSION, Number.class);
        return v == null ? -1 : v.longValue();
    }
}
