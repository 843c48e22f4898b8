package cn.changning.governance.assessment.projection.indicator;

import cn.changning.governance.assessment.domain.indicator.CaseFacts;
import cn.changning.governance.assessment.domain.indicator.CountedFact;
import cn.changning.governance.assessment.domain.indicator.FactPart;
import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.indicator.IndicatorCounter;
import cn.changning.governance.assessment.domain.indicator.IndicatorSubject;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.indicator.OrderFacts;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.assessment.domain.scoring.IndicatorSource;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The indicators from the read model: loads only the facts that can fall in the period (an order whose deadline or
 * issue date is in it, a case filed or reported in it, and the cases of those orders, whose closures they count by),
 * then counts them with the domain's {@link IndicatorCounter}. A fact whose deadline moved is stored once, with its
 * current deadline, so it counts once, in the period of that deadline.
 */
public class IndicatorQueries implements IndicatorSource {

    /**
     * Documents per reply of a long find. Without it the Mongo wire server answers a find in one reply, and a year's
     * facts (400,000 documents, 94 MB) exceed the driver's 48 MB limit (found by the re-scoring benchmark).
     */
    static final int FIND_BATCH = 2_000;

    /** How many ids one {@code $in} query carries. */
    private static final int ID_CHUNK = 2_000;

    private final MongoTemplate mongo;
    private final ZoneId zone;
    private final IndicatorCounter counter;

    public IndicatorQueries(MongoTemplate mongo, ZoneId zone) {
        this.mongo = mongo;
        this.zone = zone;
        this.counter = new IndicatorCounter(zone);
    }

    /** The facts one count needs. */
    record Facts(List<OrderFacts> orders, List<CaseFacts> cases) {
    }

    @Override
    public IndicatorValues indicators(SubjectKind kind, String subjectId, ReportingPeriod period) {
        Facts facts = load(new IndicatorSubject(kind, subjectId), period);
        return counter.count(facts.orders(), facts.cases(), kind, subjectId, period);
    }

    /** Every agency and street with a fact in the period, in one read of the period's facts. */
    @Override
    public Map<IndicatorSubject, IndicatorValues> allIndicators(ReportingPeriod period) {
        Facts facts = load(null, period);
        return counter.countAll(facts.orders(), facts.cases(), period);
    }

    /** One page of the facts in the numerator or denominator of the indicator, in the counter's order. */
    public Page<CountedFact> facts(Indicator indicator, SubjectKind kind, String subjectId, ReportingPeriod period,
                                   FactPart part, PageQuery page) {
        Facts facts = load(new IndicatorSubject(kind, subjectId), period);
        return Page.of(counter.facts(facts.orders(), facts.cases(), indicator, kind, subjectId, period, part), page);
    }

    /** The facts of the subject (null: of everyone) that can fall in the period. */
    Facts load(IndicatorSubject subject, ReportingPeriod period) {
        Instant from = period.start().atStartOfDay(zone).toInstant();
        Instant to = period.endExclusive().atStartOfDay(zone).toInstant();
        Bson orderTimes = Filters.or(within(IndicatorFactFields.DEADLINE, from, to), within(IndicatorFactFields.ISSUED_AT, from, to));
        Bson caseTimes = Filters.or(within(IndicatorFactFields.FILED_AT, from, to), within(IndicatorFactFields.REPORTED_AT, from, to));
        Bson orderFilter;
        Bson caseFilter;
        if (subject == null) {
            orderFilter = orderTimes;
            caseFilter = caseTimes;
        } else if (subject.kind() == SubjectKind.AGENCY) {
            orderFilter = Filters.and(Filters.or(Filters.eq(IndicatorFactFields.LEAD_AGENCY_ID, subject.id()),
                    Filters.eq(IndicatorFactFields.DISPATCHED_TO, subject.id())), orderTimes);
            caseFilter = null; // an agency counts cases only through its orders
        } else {
            orderFilter = Filters.and(Filters.eq(IndicatorFactFields.STREET_CODE, subject.id()), orderTimes);
            caseFilter = Filters.and(Filters.eq(IndicatorFactFields.STREET_CODE, subject.id()), caseTimes);
        }
        List<OrderFacts> orders = new ArrayList<>();
        for (Document d : mongo.getCollection(IndicatorFactFields.ORDERS).find(orderFilter).batchSize(FIND_BATCH)) {
            orders.add(IndicatorFactFields.orderFacts(d));
        }
        Map<String, CaseFacts> cases = new LinkedHashMap<>();
        if (caseFilter != null) {
            for (Document d : mongo.getCollection(IndicatorFactFields.CASES).find(caseFilter).batchSize(FIND_BATCH)) {
                cases.put(d.getString(IndicatorFactFields.ID), IndicatorFactFields.caseFacts(d));
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        orders.forEach(o -> {
            if (o.caseId() != null && !cases.containsKey(o.caseId())) {
                missing.add(o.caseId());
            }
        });
        List<String> ids = new ArrayList<>(missing);
        for (int i = 0; i < ids.size(); i += ID_CHUNK) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + ID_CHUNK));
            for (Document d : mongo.getCollection(IndicatorFactFields.CASES).find(Filters.in(IndicatorFactFields.ID, chunk)).batchSize(FIND_BATCH)) {
                // A case of another period: the counter counts only its closures (for its orders), by its own clocks.
                CaseFacts c = IndicatorFactFields.caseFacts(d);
                cases.put(c.caseId(), c);
            }
        }
        return new Facts(orders, new ArrayList<>(cases.values()));
    }

    private static Bson within(String field, Instant from, Instant to) {
        return Filters.and(Filters.gte(field, IndicatorFactFields.date(from)), Filters.lt(field, IndicatorFactFields.date(to)));
    }
}
