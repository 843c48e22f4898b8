package cn.changning.governance.assessment.domain.indicator;

import cn.changning.governance.assessment.domain.period.ReportingPeriod;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Counts the indicators of {@link Indicator} from order and case facts: of one subject in a period, of every subject
 * of a period at once, and lists the facts behind a numerator or denominator. One walk over the facts decides, for
 * every indicator, which facts are in its denominator and which of those in its numerator; counting and listing both
 * use it, so a listed fact is exactly a counted one.
 * <p>
 * The rules, as {@link Indicator}'s texts say them:
 * <ul>
 *   <li>An agency's order indicators count the orders it leads (its current lead, after a reassignment); its return
 *   rate counts the parts dispatched to it (as lead, assistant or by reassignment). A street's count the orders and
 *   cases in the street (its return rate: every part of its orders).</li>
 *   <li>Withdrawn orders (case rejected or linked as a duplicate) count in no indicator.</li>
 *   <li>By deadline (handling, on-time handling, closure, on-time closure, rework): the order's current deadline's
 *   date in the calendar zone; an order whose clock is paused (case on hold) has no deadline yet and counts in no
 *   period until resumed. A hold never makes an order overdue: overdue is the dispatch service's
 *   {@code DispatchOrderOverdue}, whose timer stops while the clock is paused.</li>
 *   <li>Due for closure: due for handling and either handled or overdue. Closed: the case was closed in the order's
 *   round. Reworked: the order was sent back for rework (after verification failed, or because the case was
 *   reopened; each issues the next round's order, counted on its own).</li>
 *   <li>By issue date (accurate dispatch, return, extension): the order's issue date.</li>
 *   <li>On-time filing: cases filed in the street, by filing date; on time within {@link CaseFacts#FILING_TIME_LIMIT}.</li>
 *   <li>Repeat cases: filed cases of the street by report date; a repeat when three or more filed cases of the street
 *   reported in the period share its {@link CaseFacts#place()} and item code.</li>
 * </ul>
 * Pure: no clock, no I/O; the zone is the working calendar's.
 */
public final class IndicatorCounter {

    /** How many cases of one place and item make each of them a repeat case. */
    public static final int REPEAT_THRESHOLD = 3;

    private final ZoneId zone;

    public IndicatorCounter(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Every indicator that applies to the subject's kind, counted in the period. */
    public IndicatorValues count(Collection<OrderFacts> orders, Collection<CaseFacts> cases, SubjectKind kind,
                                 String subjectId, ReportingPeriod period) {
        IndicatorSubject wanted = new IndicatorSubject(kind, subjectId);
        Map<Indicator, long[]> counts = new EnumMap<>(Indicator.class);
        walk(orders, cases, period, (indicator, subject, inNumerator, fact) -> {
            if (subject.equals(wanted)) {
                add(counts, indicator, inNumerator);
            }
        });
        return values(counts, kind);
    }

    /** Every subject that has a fact in the period, with every indicator of its kind (scoring asks for all at once). */
    public Map<IndicatorSubject, IndicatorValues> countAll(Collection<OrderFacts> orders, Collection<CaseFacts> cases,
                                                           ReportingPeriod period) {
        Map<IndicatorSubject, Map<Indicator, long[]>> counts = new HashMap<>();
        walk(orders, cases, period, (indicator, subject, inNumerator, fact) ->
                add(counts.computeIfAbsent(subject, s -> new EnumMap<>(Indicator.class)), indicator, inNumerator));
        Map<IndicatorSubject, IndicatorValues> answer = new HashMap<>();
        counts.forEach((subject, c) -> answer.put(subject, values(c, subject.kind())));
        return answer;
    }

    /**
     * The facts in the numerator or the denominator of one indicator for one subject in the period, sorted by the
     * instant that placed them, then by order, case and agency (a stable order to page through).
     */
    public List<CountedFact> facts(Collection<OrderFacts> orders, Collection<CaseFacts> cases, Indicator indicator,
                                   SubjectKind kind, String subjectId, ReportingPeriod period, FactPart part) {
        IndicatorSubject wanted = new IndicatorSubject(kind, subjectId);
        List<CountedFact> found = new ArrayList<>();
        walk(orders, cases, period, (i, subject, inNumerator, fact) -> {
            if (i == indicator && subject.equals(wanted) && (part == FactPart.DENOMINATOR || inNumerator)) {
                found.add(fact.get());
            }
        });
        found.sort(Comparator.comparing(CountedFact::placedAt)
                .thenComparing(f -> Objects.toString(f.orderId(), ""))
                .thenComparing(f -> Objects.toString(f.caseId(), ""))
                .thenComparing(f -> Objects.toString(f.agencyId(), "")));
        return found;
    }

    /** One fact in an indicator's denominator for a subject; the fact itself is built only when listed. */
    @FunctionalInterface
    private interface Sink {
        void counted(Indicator indicator, IndicatorSubject subject, boolean inNumerator, Supplier<CountedFact> fact);
    }

    /** The period as instants: from its first day's start to the next period's, in the zone (as {@code contains}). */
    private record Span(Instant from, Instant to) {
        boolean contains(Instant instant) {
            return instant != null && !instant.isBefore(from) && instant.isBefore(to);
        }
    }

    private void walk(Collection<OrderFacts> orders, Collection<CaseFacts> cases, ReportingPeriod reporting, Sink sink) {
        Span period = new Span(reporting.start().atStartOfDay(zone).toInstant(), reporting.endExclusive().atStartOfDay(zone).toInstant());
        Map<String, CaseFacts> byId = new HashMap<>(cases.size() * 2);
        for (CaseFacts c : cases) {
            byId.put(c.caseId(), c);
        }
        for (OrderFacts o : orders) {
            if (!o.withdrawn()) {
                order(o, byId.get(o.caseId()), period, sink);
            }
        }
        caseIndicators(cases, period, sink);
    }

    private void order(OrderFacts o, CaseFacts c, Span period, Sink sink) {
        List<IndicatorSubject> subjects = new ArrayList<>(2);
        if (o.leadAgencyId() != null) {
            subjects.add(IndicatorSubject.agency(o.leadAgencyId()));
        }
        if (o.streetCode() != null) {
            subjects.add(IndicatorSubject.street(o.streetCode()));
        }
        if (!o.onHold() && o.deadline() != null && period.contains(o.deadline())) {
            boolean dueForClosure = o.handled() || o.overdue();
            CaseFacts.Closure closure = c == null ? null : c.closureOfRound(o.round()).orElse(null);
            boolean closed = dueForClosure && closure != null;
            for (IndicatorSubject s : subjects) {
                sink.counted(Indicator.HANDLING_RATE, s, o.handled(), () -> byDeadline(o, closure,
                        o.handled() ? "handled at " + o.handledAt() : "due by " + o.deadline() + ", not handled", o.handled()));
                sink.counted(Indicator.ON_TIME_HANDLING_RATE, s, o.handled() && o.handledOnTime(), () -> byDeadline(o, closure,
                        !o.handled() ? "due by " + o.deadline() + ", not handled"
                                : o.handledOnTime() ? "handled on time" : "handled late", o.handled() && o.handledOnTime()));
                if (dueForClosure) {
                    String due = o.handled() ? "handled" : "overdue at " + o.overdueAt() + " and not handled";
                    sink.counted(Indicator.CLOSURE_RATE, s, closed, () -> byDeadline(o, closure,
                            due + (closed ? "; case closed in round " + o.round() : "; case not closed in round " + o.round()), closed));
                    boolean onTime = closed && closure.onTime();
                    sink.counted(Indicator.ON_TIME_CLOSURE_RATE, s, onTime, () -> byDeadline(o, closure,
                            due + (onTime ? "; case closed on time" : closed ? "; case closed late" : "; case not closed in round " + o.round()), onTime));
                    sink.counted(Indicator.REWORK_RATE, s, o.sentBackForRework(), () -> byDeadline(o, closure,
                            due + (o.sentBackForRework() ? "; sent back for rework at " + o.sentBackAt() : "; not sent back"),
                            o.sentBackForRework()));
                }
            }
        }
        if (period.contains(o.issuedAt())) {
            for (IndicatorSubject s : subjects) {
                sink.counted(Indicator.ACCURATE_DISPATCH_RATE, s, !o.sentBackForRework(), () -> byIssue(o, o.leadAgencyId(),
                        o.sentBackForRework() ? "dispatched, then sent back for rework" : "dispatched, not reworked",
                        !o.sentBackForRework()));
                sink.counted(Indicator.EXTENSION_RATE, s, o.extensionApproved(), () -> byIssue(o, o.leadAgencyId(),
                        o.extensionApproved() ? "dispatched; extension approved" : "dispatched; no extension", o.extensionApproved()));
            }
            for (String agency : o.dispatchedTo()) {
                int returned = o.returns().getOrDefault(agency, 0);
                Supplier<CountedFact> part = () -> byIssue(o, agency, returned > 0
                        ? "part dispatched to " + agency + ", returned " + returned + " time(s)"
                        : "part dispatched to " + agency + ", not returned", returned > 0);
                sink.counted(Indicator.RETURN_RATE, IndicatorSubject.agency(agency), returned > 0, part);
                if (o.streetCode() != null) {
                    sink.counted(Indicator.RETURN_RATE, IndicatorSubject.street(o.streetCode()), returned > 0, part);
                }
            }
        }
    }

    private void caseIndicators(Collection<CaseFacts> cases, Span period, Sink sink) {
        Map<String, Integer> atPlace = new HashMap<>();
        List<CaseFacts> reported = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (CaseFacts c : cases) {
            if (!c.filed() || c.streetCode() == null) {
                continue;
            }
            if (period.contains(c.filedAt())) {
                boolean onTime = c.filedOnTime();
                sink.counted(Indicator.ON_TIME_FILING_RATE, IndicatorSubject.street(c.streetCode()), onTime,
                        () -> caseFact(c, c.filedAt(), onTime, onTime ? "filed within " + CaseFacts.FILING_TIME_LIMIT + " of its report"
                                : "filed later than " + CaseFacts.FILING_TIME_LIMIT + " after its report"));
            }
            if (period.contains(c.reportedAt())) {
                String key = repeatKey(c);
                reported.add(c);
                keys.add(key);
                if (key != null) {
                    atPlace.merge(key, 1, Integer::sum);
                }
            }
        }
        for (int i = 0; i < reported.size(); i++) {
            CaseFacts c = reported.get(i);
            String key = keys.get(i);
            int same = key == null ? 1 : atPlace.get(key);
            boolean repeat = same >= REPEAT_THRESHOLD;
            sink.counted(Indicator.REPEAT_CASES, IndicatorSubject.street(c.streetCode()), repeat,
                    () -> caseFact(c, c.reportedAt(), repeat, same + " filed case(s) of item " + c.itemCode() + " at "
                            + c.place() + " reported in the period" + (repeat ? ": a repeat" : "")));
        }
    }

    private static String repeatKey(CaseFacts c) {
        String place = c.place();
        return place == null || c.itemCode() == null ? null : c.streetCode() + "|" + place + "|" + c.itemCode();
    }

    private static CountedFact byDeadline(OrderFacts o, CaseFacts.Closure closure, String reason, boolean inNumerator) {
        return new CountedFact(o.caseId(), o.orderId(), o.leadAgencyId(), o.deadline(),
                instants("deadline", o.deadline(), "handledAt", o.handledAt(), "overdueAt", o.overdueAt(),
                        "closedAt", closure == null ? null : closure.closedAt(), "sentBackAt", o.sentBackAt()),
                inNumerator, "round " + o.round() + ", due " + o.deadline() + ": " + reason);
    }

    private static CountedFact byIssue(OrderFacts o, String agency, String reason, boolean inNumerator) {
        return new CountedFact(o.caseId(), o.orderId(), agency, o.issuedAt(),
                instants("issuedAt", o.issuedAt(), "sentBackAt", o.sentBackAt()), inNumerator,
                "round " + o.round() + ", issued " + o.issuedAt() + ": " + reason);
    }

    private static CountedFact caseFact(CaseFacts c, Instant placedAt, boolean inNumerator, String reason) {
        return new CountedFact(c.caseId(), null, null, placedAt,
                instants("reportedAt", c.reportedAt(), "filedAt", c.filedAt()), inNumerator, reason);
    }

    /** Name, instant, name, instant, ...: the non-null ones, in order. */
    private static Map<String, Instant> instants(Object... pairs) {
        Map<String, Instant> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], (Instant) pairs[i + 1]);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static void add(Map<Indicator, long[]> counts, Indicator indicator, boolean inNumerator) {
        long[] c = counts.computeIfAbsent(indicator, i -> new long[2]);
        c[1]++;
        if (inNumerator) {
            c[0]++;
        }
    }

    /** Every indicator of the kind, 0/0 where nothing counted. */
    private static IndicatorValues values(Map<Indicator, long[]> counts, SubjectKind kind) {
        Map<Indicator, Ratio> ratios = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            if (i.subjects().contains(kind)) {
                long[] c = counts.get(i);
                ratios.put(i, c == null ? Ratio.NONE : new Ratio(c[0], c[1]));
            }
        }
        return new IndicatorValues(ratios);
    }
}
