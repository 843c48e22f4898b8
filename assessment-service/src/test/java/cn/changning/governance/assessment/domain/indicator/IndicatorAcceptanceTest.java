package cn.changning.governance.assessment.domain.indicator;

import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.contracts.dispatch.AgencyRole;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.changning.governance.assessment.domain.indicator.IndicatorEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance table: one street ({@value #S}), its lead agency L, in July 2026 (Asia/Shanghai), eight cases and
 * ten orders with a rework, returns and a reassignment, an extension, a hold, a reopening, an overdue order, a
 * withdrawn order and a repeat place. Every figure of the table was counted by hand from the story below.
 * <pre>
 * C1  RA1/I1 filed in 30 min   C1-r0  L (+B assisting)  due 07-03, handled on time, closed on time in round 0
 * C2  RA1/I1 filed after 2 h   C2-r0  L  due 07-04, handled on time, sent back for rework
 *                              C2-r1  L  due 07-07, handled late, case closed late in round 1
 * C3  RA1/I1 filed in 10 min   C3-r0  X (+B) issued; X returns it; lead reassigned X -> L; due 07-10, handled on time, closed on time
 * C4  cell/I2 filed in 10 min  C4-r0  L  due 07-12, extension approved to 07-15, handled 07-14 on time, closed on time
 * C5  cell/I2 (same cell)      C5-r0  L  due 07-18, paused 07-17, resumed 07-20 with deadline 07-21, handled on time, closed on time
 * C6  RA2/I3                   C6-r0  L  due 07-20, handled on time, closed on time in round 0; case reopened: sent back
 *                              C6-r1  L  due 07-24, handled on time, closed on time in round 1
 * C7  RA3/I4                   C7-r0  L  due 07-26, overdue, never handled, case open
 * C8  RA3/I4                   C8-r0  L  withdrawn (case rejected): in no order indicator
 * </pre>
 */
class IndicatorAcceptanceTest {

    static final String S = "310105001";
    static final String L = "310105001-squad";
    static final String B = "310105001-greening";
    static final String X = "310105001-housing";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ReportingPeriod JULY = ReportingPeriod.parse("2026-07");

    private final IndicatorCounter counter = new IndicatorCounter(SHANGHAI);
    private final Map<String, List<Object>> orderEvents = new LinkedHashMap<>();
    private final Map<String, List<Object>> caseEvents = new LinkedHashMap<>();

    IndicatorAcceptanceTest() {
        // C1: the plain case, two parts (L lead, B assisting).
        onCase("C1", reported("C1", "I1", 31.20, 121.40, t("07-01T01:00")), filed("C1", "I1", S, "RA1", t("07-01T01:30")),
                dispatched("C1", 0, L, t("07-01T02:00")), closed("C1", 0, true, t("07-02T10:00")));
        onOrder("C1-r0", issued("C1", 0, S, L, List.of(B), t("07-03T02:00"), t("07-01T02:00")),
                handled("C1", 0, L, true, t("07-02T02:00")));
        // C2: rework. Filed two hours after its report: late.
        onCase("C2", reported("C2", "I1", 31.21, 121.41, t("07-02T01:00")), filed("C2", "I1", S, "RA1", t("07-02T03:00")),
                dispatched("C2", 0, L, t("07-02T04:00")), caseSentBack("C2", 1, t("07-05T05:00")),
                dispatched("C2", 1, L, t("07-05T05:00")), closed("C2", 1, false, t("07-09T01:00")));
        onOrder("C2-r0", issued("C2", 0, S, L, List.of(), t("07-04T04:00"), t("07-02T04:00")),
                handled("C2", 0, L, true, t("07-03T04:00")), orderSentBack("C2", 0, L, t("07-05T05:00")));
        onOrder("C2-r1", issued("C2", 1, S, L, List.of(), t("07-07T05:00"), t("07-05T05:00")),
                handled("C2", 1, L, false, t("07-08T05:00")));
        // C3: X returns its lead part; reassigned to L.
        onCase("C3", reported("C3", "I1", 31.22, 121.42, t("07-06T01:00")), filed("C3", "I1", S, "RA1", t("07-06T01:10")),
                dispatched("C3", 0, X, t("07-06T02:00")), closed("C3", 0, true, t("07-09T12:00")));
        onOrder("C3-r0", issued("C3", 0, S, X, List.of(B), t("07-10T01:00"), t("07-06T02:00")),
                returned("C3", 0, X, AgencyRole.LEAD, t("07-06T03:00")),
                reassigned("C3", 0, X, L, AgencyRole.LEAD, t("07-06T04:00")),
                handled("C3", 0, L, true, t("07-09T01:00")));
        // C4: an extension moves the deadline from 07-12 to 07-15.
        onCase("C4", reported("C4", "I2", 31.2205, 121.4245, t("07-10T01:00")), filed("C4", "I2", S, null, t("07-10T01:10")),
                dispatched("C4", 0, L, t("07-10T03:00")), closed("C4", 0, true, t("07-14T12:00")));
        onOrder("C4-r0", issued("C4", 0, S, L, List.of(), t("07-12T03:00"), t("07-10T03:00")),
                extended("C4", 0, t("07-12T03:00"), t("07-15T03:00"), t("07-11T03:00")),
                handled("C4", 0, L, true, t("07-14T03:00")));
        // C5: a hold from 07-17 to 07-20 moves the deadline from 07-18 to 07-21; same cell and item as C4 (2: no repeat).
        onCase("C5", reported("C5", "I2", 31.2207, 121.4248, t("07-15T01:00")), filed("C5", "I2", S, null, t("07-15T01:10")),
                dispatched("C5", 0, L, t("07-16T02:00")), closed("C5", 0, true, t("07-20T12:00")));
        onOrder("C5-r0", issued("C5", 0, S, L, List.of(), t("07-18T02:00"), t("07-16T02:00")),
                paused("C5", 0, t("07-17T02:00")), resumed("C5", 0, t("07-21T02:00"), t("07-20T02:00")),
                handled("C5", 0, L, true, t("07-20T06:00")));
        // C6: closed, then reopened: round 0's order is sent back (as dispatch does), round 1 is a new order.
        onCase("C6", reported("C6", "I3", 31.23, 121.43, t("07-18T01:00")), filed("C6", "I3", S, "RA2", t("07-18T01:10")),
                dispatched("C6", 0, L, t("07-18T03:00")), closed("C6", 0, true, t("07-19T10:00")),
                reopened("C6", 1, t("07-22T01:00")), dispatched("C6", 1, L, t("07-22T01:00")),
                closed("C6", 1, true, t("07-23T10:00")));
        onOrder("C6-r0", issued("C6", 0, S, L, List.of(), t("07-20T03:00"), t("07-18T03:00")),
                handled("C6", 0, L, true, t("07-19T03:00")), orderSentBack("C6", 0, L, t("07-22T01:00")));
        onOrder("C6-r1", issued("C6", 1, S, L, List.of(), t("07-24T01:00"), t("07-22T01:00")),
                handled("C6", 1, L, true, t("07-23T01:00")));
        // C7: overdue, never handled.
        onCase("C7", reported("C7", "I4", 31.24, 121.44, t("07-24T01:00")), filed("C7", "I4", S, "RA3", t("07-24T01:10")),
                dispatched("C7", 0, L, t("07-24T02:00")));
        onOrder("C7-r0", issued("C7", 0, S, L, List.of(), t("07-26T02:00"), t("07-24T02:00")),
                overdue("C7", 0, L, t("07-26T02:00")));
        // C8: its order withdrawn; the case was filed all the same (it counts in filing and repeat cases).
        onCase("C8", reported("C8", "I4", 31.25, 121.45, t("07-25T01:00")), filed("C8", "I4", S, "RA3", t("07-25T01:10")),
                dispatched("C8", 0, L, t("07-25T02:00")));
        onOrder("C8-r0", issued("C8", 0, S, L, List.of(), t("07-27T02:00"), t("07-25T02:00")),
                withdrawn("C8", 0, t("07-25T05:00")));
    }

    /** numerator, denominator, value (null when 0/0). */
    record Row(Indicator indicator, long numerator, long denominator, Double value) {
    }

    static Row row(Indicator indicator, long numerator, long denominator) {
        return new Row(indicator, numerator, denominator, denominator == 0 ? null : (double) numerator / denominator);
    }

    @Test
    void theStreetsLeadAgencyInJuly() {
        // L leads 9 orders that count (C8-r0 withdrawn), all due in July by their current deadlines.
        List<Row> expected = List.of(
                row(Indicator.HANDLING_RATE, 8, 9),          // all but C7-r0 handled
                row(Indicator.ON_TIME_HANDLING_RATE, 7, 9),  // C2-r1 handled late, C7-r0 not at all
                row(Indicator.CLOSURE_RATE, 7, 9),           // due for closure: 8 handled + C7-r0 overdue; not closed in their round: C2-r0, C7-r0
                row(Indicator.ON_TIME_CLOSURE_RATE, 6, 9),   // of the 7 closed, C2-r1's closure was late
                row(Indicator.ACCURATE_DISPATCH_RATE, 7, 9), // 9 issued in July; C2-r0 and C6-r0 sent back
                row(Indicator.REWORK_RATE, 2, 9),            // C2-r0 (failed verification), C6-r0 (reopening)
                row(Indicator.RETURN_RATE, 0, 9),            // L's parts: its 9 led orders (C3-r0 by reassignment); it returned none
                row(Indicator.EXTENSION_RATE, 1, 9));        // C4-r0
        assertTable(counter.count(orders(), cases(), SubjectKind.AGENCY, L, JULY), expected);
        assertThat(counter.count(orders(), cases(), SubjectKind.AGENCY, L, JULY).ratios())
                .as("filing and repeat cases are the street's only").doesNotContainKeys(Indicator.ON_TIME_FILING_RATE, Indicator.REPEAT_CASES);
    }

    @Test
    void theStreetInJuly() {
        List<Row> expected = List.of(
                row(Indicator.HANDLING_RATE, 8, 9),          // the same 9 orders: all are in the street
                row(Indicator.ON_TIME_HANDLING_RATE, 7, 9),
                row(Indicator.CLOSURE_RATE, 7, 9),
                row(Indicator.ON_TIME_CLOSURE_RATE, 6, 9),
                row(Indicator.ACCURATE_DISPATCH_RATE, 7, 9),
                row(Indicator.REWORK_RATE, 2, 9),
                row(Indicator.RETURN_RATE, 1, 12),           // parts: C1 2 (L,B) + C3 3 (X,B,L) + 7 single-part orders; X returned one
                row(Indicator.EXTENSION_RATE, 1, 9),
                row(Indicator.ON_TIME_FILING_RATE, 7, 8),    // 8 cases filed in July; C2 filed 2 h after its report
                row(Indicator.REPEAT_CASES, 3, 8));          // C1, C2, C3 share RA1 and I1; C4+C5 (one cell, I2) and C7+C8 (RA3, I4) are 2 each
        assertTable(counter.count(orders(), cases(), SubjectKind.STREET, S, JULY), expected);
    }

    @Test
    void theOtherAgenciesParts() {
        IndicatorValues x = counter.count(orders(), cases(), SubjectKind.AGENCY, X, JULY);
        assertThat(x.of(Indicator.RETURN_RATE)).isEqualTo(new Ratio(1, 1)); // its one part, returned
        assertThat(x.of(Indicator.HANDLING_RATE)).as("X no longer leads C3-r0").isEqualTo(Ratio.NONE);
        assertThat(x.of(Indicator.HANDLING_RATE).value()).isNull();
        IndicatorValues b = counter.count(orders(), cases(), SubjectKind.AGENCY, B, JULY);
        assertThat(b.of(Indicator.RETURN_RATE)).isEqualTo(new Ratio(0, 2)); // assisting on C1-r0 and C3-r0
    }

    @Test
    void allSubjectsAtOnceAgreeWithEachOne() {
        Map<IndicatorSubject, IndicatorValues> all = counter.countAll(orders(), cases(), JULY);
        assertThat(all.keySet()).containsExactlyInAnyOrder(IndicatorSubject.agency(L), IndicatorSubject.agency(B),
                IndicatorSubject.agency(X), IndicatorSubject.street(S));
        all.forEach((subject, values) -> assertThat(values)
                .isEqualTo(counter.count(orders(), cases(), subject.kind(), subject.id(), JULY)));
        assertThat(counter.countAll(orders(), cases(), ReportingPeriod.parse("2026-08"))).isEmpty();
        assertThat(counter.countAll(orders(), cases(), ReportingPeriod.parse("2026-Q3")))
                .as("the quarter holds July").isEqualTo(all);
    }

    @Test
    void theFactsBehindACountAreTheCountedOnes() {
        List<CountedFact> closed = counter.facts(orders(), cases(), Indicator.CLOSURE_RATE, SubjectKind.AGENCY, L, JULY,
                FactPart.NUMERATOR);
        // by current deadline: C1 07-03, C2-r1 07-07, C3 07-10, C4 07-15 (extended), C6-r0 07-20, C5 07-21 (held), C6-r1 07-24
        assertThat(closed).extracting(CountedFact::orderId)
                .containsExactly("C1-r0", "C2-r1", "C3-r0", "C4-r0", "C6-r0", "C5-r0", "C6-r1");
        assertThat(closed.get(3).placedAt()).isEqualTo(t("07-15T03:00"));
        assertThat(closed.get(0).instants()).containsEntry("closedAt", t("07-02T10:00"));
        List<CountedFact> due = counter.facts(orders(), cases(), Indicator.CLOSURE_RATE, SubjectKind.AGENCY, L, JULY,
                FactPart.DENOMINATOR);
        assertThat(due).hasSize(9);
        assertThat(due).filteredOn(f -> f.orderId().equals("C7-r0")).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("overdue").contains("not handled"))
                .satisfies(f -> assertThat(f.inNumerator()).isFalse());
        List<CountedFact> repeats = counter.facts(orders(), cases(), Indicator.REPEAT_CASES, SubjectKind.STREET, S, JULY,
                FactPart.NUMERATOR);
        assertThat(repeats).extracting(CountedFact::caseId).containsExactly("C1", "C2", "C3");
        assertThat(repeats.get(0).reason()).contains("area:RA1");
        List<CountedFact> returnedParts = counter.facts(orders(), cases(), Indicator.RETURN_RATE, SubjectKind.STREET, S, JULY,
                FactPart.NUMERATOR);
        assertThat(returnedParts).singleElement().satisfies(f -> {
            assertThat(f.orderId()).isEqualTo("C3-r0");
            assertThat(f.agencyId()).isEqualTo(X);
        });
    }

    @Test
    void theFoldKeepsWhatTheIndicatorsNeed() {
        OrderFacts c3 = OrderFacts.fold("C3-r0", orderEvents.get("C3-r0"));
        assertThat(c3.leadAgencyId()).isEqualTo(L);
        assertThat(c3.dispatchedTo()).containsExactly(X, B, L);
        assertThat(c3.reassignedTo()).containsExactly(L);
        assertThat(c3.returns()).containsEntry(X, 1);
        OrderFacts c5 = OrderFacts.fold("C5-r0", orderEvents.get("C5-r0"));
        assertThat(c5.deadline()).isEqualTo(t("07-21T02:00"));
        assertThat(c5.onHold()).isFalse();
        CaseFacts c6 = CaseFacts.fold("C6", caseEvents.get("C6"));
        assertThat(c6.round()).isEqualTo(1);
        assertThat(c6.reopenings()).isEqualTo(1);
        assertThat(c6.closures()).extracting(CaseFacts.Closure::round).containsExactly(0, 1);
        CaseFacts c4 = CaseFacts.fold("C4", caseEvents.get("C4"));
        assertThat(c4.place()).isEqualTo("cell:31.220,121.424");
        // on a cell's edge (31.22 / 0.001 is 31219.999... in binary): still the cell that starts there
        assertThat(CaseFacts.of("E").apply(reported("E", "I1", 31.22, 121.4, t("07-01T00:00"))).place())
                .isEqualTo("cell:31.220,121.400");
        assertThat(CaseFacts.fold("C1", caseEvents.get("C1")).place()).as("a named residential area wins").isEqualTo("area:RA1");
    }

    private void assertTable(IndicatorValues values, List<Row> expected) {
        List<Row> actual = new ArrayList<>();
        for (Row row : expected) {
            Ratio r = values.of(row.indicator());
            actual.add(new Row(row.indicator(), r.numerator(), r.denominator(), r.value()));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(values.ratios()).hasSize(expected.size());
    }

    private void onOrder(String orderId, Object... events) {
        orderEvents.put(orderId, List.of(events));
    }

    private void onCase(String caseId, Object... events) {
        caseEvents.put(caseId, List.of(events));
    }

    private List<OrderFacts> orders() {
        return orderEvents.entrySet().stream().map(e -> OrderFacts.fold(e.getKey(), e.getValue())).toList();
    }

    private List<CaseFacts> cases() {
        return caseEvents.entrySet().stream().map(e -> CaseFacts.fold(e.getKey(), e.getValue())).toList();
    }
}
