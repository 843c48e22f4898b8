package cn.changning.governance.assessment.projection.indicator;

import cn.changning.governance.assessment.domain.indicator.CaseFacts;
import cn.changning.governance.assessment.domain.indicator.CountedFact;
import cn.changning.governance.assessment.domain.indicator.FactPart;
import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.indicator.IndicatorSubject;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.indicator.OrderFacts;
import cn.changning.governance.assessment.domain.indicator.Ratio;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.dispatch.AgencyRole;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static cn.changning.governance.assessment.domain.indicator.IndicatorEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The indicator read model on the embedded Mongo wire server: whole facts per order and case, redelivery, order, paging. */
class IndicatorProjectionTest {

    static final String S = "310105003";
    static final String L = "310105003-squad";
    static final String B = "310105003-greening";
    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    static final ReportingPeriod AUGUST = ReportingPeriod.parse("2026-08");

    MongoClient client;
    MongoTemplate mongo;
    IndicatorFactProjection<OrderFacts> orders;
    IndicatorFactProjection<CaseFacts> cases;
    IndicatorQueries queries;

    /** P1: reworked (round 0 sent back, round 1 handled on time and closed); P2: returned by B, reassigned, overdue. */
    final List<Object> p1r0 = List.of(
            issued("P1", 0, S, L, List.of(B), t("08-03T02:00"), t("08-01T02:00")),
            handled("P1", 0, L, true, t("08-02T02:00")),
            orderSentBack("P1", 0, L, t("08-04T02:00")));
    final List<Object> p1r1 = List.of(
            issued("P1", 1, S, L, List.of(), t("08-06T02:00"), t("08-04T02:00")),
            extended("P1", 1, t("08-06T02:00"), t("08-08T02:00"), t("08-05T02:00")),
            handled("P1", 1, L, true, t("08-07T02:00")));
    final List<Object> p2r0 = List.of(
            issued("P2", 0, S, L, List.of(B), t("08-12T02:00"), t("08-10T02:00")),
            returned("P2", 0, B, AgencyRole.ASSIST, t("08-10T03:00")),
            reassigned("P2", 0, B, "310105003-police", AgencyRole.ASSIST, t("08-10T04:00")),
            overdue("P2", 0, L, t("08-12T02:00")));
    final List<Object> p1case = List.of(
            reported("P1", "I9", 31.2, 121.4, t("08-01T01:00")), filed("P1", "I9", S, "RA9", t("08-01T01:20")),
            dispatched("P1", 0, L, t("08-01T02:00")), caseSentBack("P1", 1, t("08-04T02:00")),
            dispatched("P1", 1, L, t("08-04T02:00")), closed("P1", 1, true, t("08-07T06:00")));
    final List<Object> p2case = List.of(
            reported("P2", "I9", 31.3, 121.5, t("08-10T01:00")), filed("P2", "I9", S, "RA8", t("08-10T03:00")),
            dispatched("P2", 0, L, t("08-10T02:00")));

    @BeforeEach
    void setUp() {
        client = MongoClients.create(SharedInfrastructure.get().mongo().connectionString());
        mongo = new MongoTemplate(client, "assessment_indicators_" + UUID.randomUUID().toString().substring(0, 8));
        VersionedDocuments documents = new VersionedDocuments(VersionedDocuments.Guard.IN_MEMORY_CHECK);
        orders = IndicatorProjections.orders(mongo, documents, JSON);
        cases = IndicatorProjections.cases(mongo, documents, JSON);
        IndicatorProjections.createIndexes(mongo);
        queries = new IndicatorQueries(mongo, ZoneId.of("Asia/Shanghai"));
    }

    @AfterEach
    void tearDown() {
        mongo.getDb().drop();
        client.close();
    }

    static List<EventRecord> records(String subject, List<Object> events, String topic) {
        List<EventRecord> records = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            records.add(record(subject, i, events.get(i), topic));
        }
        return records;
    }

    static EventRecord record(String subject, long sequence, Object payload, String topic) {
        try {
            return new EventRecord(subject + "-" + sequence, EventTypes.cloudEventType(payload.getClass()), subject, sequence,
                    t("08-01T00:00").plusSeconds(sequence), JSON.writeValueAsBytes(payload), topic, 0, sequence);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void projectAll() {
        List<EventRecord> orderBatch = new ArrayList<>();
        orderBatch.addAll(records("P1-r0", p1r0, "dispatch"));
        orderBatch.addAll(records("P1-r1", p1r1, "dispatch"));
        orderBatch.addAll(records("P2-r0", p2r0, "dispatch"));
        orders.process(orderBatch); // several events of each order in one batch
        List<EventRecord> caseBatch = new ArrayList<>(records("P1", p1case, "case"));
        caseBatch.addAll(records("P2", p2case, "case"));
        cases.process(caseBatch);
    }

    @Test
    void eachOrderAndCaseIsOneDocumentOfItsWholeFacts() {
        projectAll();
        assertThat(mongo.getCollection(IndicatorFactFields.ORDERS).countDocuments()).isEqualTo(3);
        assertThat(mongo.getCollection(IndicatorFactFields.CASES).countDocuments()).isEqualTo(2);
        Document p2 = mongo.getCollection(IndicatorFactFields.ORDERS).find(new Document("_id", "P2-r0")).first();
        // Literal on purpose: a misspelt constant would silently rename a stored field.
        assertThat(p2.keySet()).containsExactlyInAnyOrder("_id", "version", "caseId", "round", "streetCode", "leadAgencyId",
                "assistingAgencyIds", "reassignedTo", "dispatchedTo", "issuedAt", "deadline", "onHold", "handledAt",
                "handledOnTime", "overdueAt", "returns", "extensionApproved", "sentBackAt", "withdrawnAt");
        assertThat(p2.get("version", Number.class).longValue()).isEqualTo(3);
        assertThat(IndicatorFactFields.orderFacts(p2)).isEqualTo(OrderFacts.fold("P2-r0", p2r0));
        Document p1 = mongo.getCollection(IndicatorFactFields.CASES).find(new Document("_id", "P1")).first();
        assertThat(IndicatorFactFields.caseFacts(p1)).isEqualTo(CaseFacts.fold("P1", p1case));
    }

    @Test
    void redeliveredAndOutOfOrderEventsChangeNothing() {
        projectAll();
        List<Document> before = new ArrayList<>();
        mongo.getCollection(IndicatorFactFields.ORDERS).find().into(before);
        mongo.getCollection(IndicatorFactFields.CASES).find().into(before);
        // The whole topic again, then old events alone, newest first: none is newer than what is stored.
        projectAll();
        List<EventRecord> stale = new ArrayList<>(records("P2-r0", p2r0, "dispatch").subList(0, 3));
        java.util.Collections.reverse(stale);
        orders.process(stale);
        cases.process(List.of(record("P1", 1, p1case.get(1), "case"), record("P1", 0, p1case.get(0), "case")));
        List<Document> after = new ArrayList<>();
        mongo.getCollection(IndicatorFactFields.ORDERS).find().into(after);
        mongo.getCollection(IndicatorFactFields.CASES).find().into(after);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void anOlderEventArrivingAfterANewerOneInTheSameBatchIsSkipped() {
        List<EventRecord> shuffled = new ArrayList<>(records("P2-r0", p2r0, "dispatch"));
        shuffled.add(1, shuffled.remove(3)); // overdue (seq 3) before the return (seq 1): 1 and 2 then come late
        orders.process(shuffled);
        OrderFacts stored = IndicatorFactFields.orderFacts(
                mongo.getCollection(IndicatorFactFields.ORDERS).find(new Document("_id", "P2-r0")).first());
        assertThat(stored.overdue()).isTrue();
        assertThat(stored.returns()).as("seq 1 was older than the stored seq 3").isEmpty();
    }

    @Test
    void theQueriesCountTheStoredFactsByPeriod() {
        projectAll();
        IndicatorValues l = queries.indicators(SubjectKind.AGENCY, L, AUGUST);
        // L leads three orders due in August: P1-r0 (handled, sent back), P1-r1 (extended to 08-08, handled on time,
        // case closed in round 1 on time), P2-r0 (overdue, not handled).
        assertThat(l.of(Indicator.HANDLING_RATE)).isEqualTo(new Ratio(2, 3));
        assertThat(l.of(Indicator.CLOSURE_RATE)).isEqualTo(new Ratio(1, 3));
        assertThat(l.of(Indicator.REWORK_RATE)).isEqualTo(new Ratio(1, 3));
        assertThat(l.of(Indicator.EXTENSION_RATE)).isEqualTo(new Ratio(1, 3));
        // B: assisting on P1-r0 and P2-r0, returned P2-r0's part.
        assertThat(queries.indicators(SubjectKind.AGENCY, B, AUGUST).of(Indicator.RETURN_RATE)).isEqualTo(new Ratio(1, 2));
        IndicatorValues street = queries.indicators(SubjectKind.STREET, S, AUGUST);
        // parts: P1-r0 L+B, P1-r1 L, P2-r0 L+B+police = 6; one returned
        assertThat(street.of(Indicator.RETURN_RATE)).isEqualTo(new Ratio(1, 6));
        // P1 filed 20 min after its report, P2 two hours after
        assertThat(street.of(Indicator.ON_TIME_FILING_RATE)).isEqualTo(new Ratio(1, 2));
        assertThat(queries.indicators(SubjectKind.AGENCY, L, ReportingPeriod.parse("2026-07")).of(Indicator.HANDLING_RATE))
                .isEqualTo(Ratio.NONE);
        assertThat(queries.allIndicators(AUGUST)).containsEntry(IndicatorSubject.agency(L), l)
                .containsEntry(IndicatorSubject.street(S), street);
    }

    @Test
    void theFactsListingPages() {
        projectAll();
        Page<CountedFact> first = queries.facts(Indicator.HANDLING_RATE, SubjectKind.AGENCY, L, AUGUST, FactPart.DENOMINATOR,
                new PageQuery(0, 2));
        Page<CountedFact> second = queries.facts(Indicator.HANDLING_RATE, SubjectKind.AGENCY, L, AUGUST, FactPart.DENOMINATOR,
                new PageQuery(1, 2));
        assertThat(first.total()).isEqualTo(3);
        // by current deadline: P1-r0 08-03, P1-r1 08-08 (extended), P2-r0 08-12
        assertThat(first.items()).extracting(CountedFact::orderId).containsExactly("P1-r0", "P1-r1");
        assertThat(second.items()).extracting(CountedFact::orderId).containsExactly("P2-r0");
        assertThat(second.items().get(0).caseId()).isEqualTo("P2");
        Page<CountedFact> numerator = queries.facts(Indicator.HANDLING_RATE, SubjectKind.AGENCY, L, AUGUST, FactPart.NUMERATOR,
                new PageQuery(0, 10));
        assertThat(numerator.items()).extracting(CountedFact::orderId).containsExactly("P1-r0", "P1-r1");
    }
}
