package cn.changning.governance.assessment.domain.indicator;

import java.util.EnumSet;
import java.util.Set;

/**
 * The indicators of digital urban management (CJ/T 292, as published implementations define them), each defined once
 * here: what its numerator and denominator count, from which events, on which clock. The API documents and the
 * {@code /indicators/definitions} endpoint print these texts; the calculator counts by them.
 * <p>
 * Names are fixed (they are in events, read models and scoring schemes); the definition texts may be refined.
 */
public enum Indicator {

    HANDLING_RATE("handling rate", true, EnumSet.allOf(SubjectKind.class),
            "orders due for handling that were handled (DispatchOrderHandled)",
            "orders due for handling: dispatch orders the agency leads (its current lead, after a reassignment), or in the street, whose current deadline falls in the period (DispatchOrderIssued, moved by DispatchOrderExtensionApproved and DispatchOrderClockResumed); withdrawn orders left out; an order on hold (clock paused) counts only once resumed, by its moved deadline",
            "the order's current deadline date, Asia/Shanghai"),
    ON_TIME_HANDLING_RATE("on-time handling rate", true, EnumSet.allOf(SubjectKind.class),
            "orders due for handling that were handled by their deadline (DispatchOrderHandled.onTime)",
            "orders due for handling (as for the handling rate)",
            "the order's current deadline date, Asia/Shanghai"),
    CLOSURE_RATE("closure rate", true, EnumSet.allOf(SubjectKind.class),
            "orders due for closure whose case was closed in the order's round (CaseClosed while the case was in that round)",
            "orders due for closure: orders due for handling that were handled, or overdue (DispatchOrderOverdue) and not handled",
            "the order's current deadline date, Asia/Shanghai"),
    ON_TIME_CLOSURE_RATE("on-time closure rate", true, EnumSet.allOf(SubjectKind.class),
            "orders due for closure whose case was closed in the order's round on time (CaseClosed.onTime)",
            "orders due for closure (as for the closure rate)",
            "the order's current deadline date, Asia/Shanghai"),
    ACCURATE_DISPATCH_RATE("accurate dispatch rate", true, EnumSet.allOf(SubjectKind.class),
            "orders dispatched and not reworked: dispatched minus those sent back for rework (DispatchOrderSentBackForRework, after a failed verification or a reopening)",
            "orders dispatched (DispatchOrderIssued) that the agency leads, or in the street; withdrawn orders left out",
            "the order's issue date, Asia/Shanghai"),
    ON_TIME_FILING_RATE("on-time filing rate", true, EnumSet.of(SubjectKind.STREET),
            "cases filed within the filing time limit (1 hour, wall clock) of their report (CaseReported.reportedAt to CaseFiled.filedAt)",
            "cases filed (CaseFiled) in the street",
            "the filing date, Asia/Shanghai"),
    REWORK_RATE("rework rate", false, EnumSet.allOf(SubjectKind.class),
            "orders due for closure that were sent back for rework (DispatchOrderSentBackForRework: failed verification or a reopening; the next round is a new order, counted by its own deadline)",
            "orders due for closure (as for the closure rate)",
            "the order's current deadline date, Asia/Shanghai"),
    RETURN_RATE("return rate", false, EnumSet.allOf(SubjectKind.class),
            "parts returned (DispatchOrderReturned) by the agency they were dispatched to, once per part however often returned",
            "parts of orders dispatched: one per agency an order went to as lead or assistant (DispatchOrderIssued) or by reassignment (DispatchOrderReassigned); an agency's own parts, a street's every part of its orders; withdrawn orders left out",
            "the order's issue date, Asia/Shanghai"),
    EXTENSION_RATE("extension rate", false, EnumSet.allOf(SubjectKind.class),
            "orders dispatched that were granted an extension (DispatchOrderExtensionApproved)",
            "orders dispatched (as for the accurate dispatch rate)",
            "the order's issue date, Asia/Shanghai"),
    REPEAT_CASES("repeat cases", false, EnumSet.of(SubjectKind.STREET),
            "cases whose place and item code are shared by three or more filed cases of the street reported in the period; the place is the residential area filing names, else the 0.001-degree cell (about 100 m) of the reported position, else the grid",
            "cases filed (CaseFiled) in the street, reported in the period",
            "the report date, Asia/Shanghai");

    private final String label;
    private final boolean higherIsBetter;
    private final Set<SubjectKind> subjects;
    private final String numerator;
    private final String denominator;
    private final String clock;

    Indicator(String label, boolean higherIsBetter, Set<SubjectKind> subjects, String numerator, String denominator,
              String clock) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
        this.subjects = subjects;
        this.numerator = numerator;
        this.denominator = denominator;
        this.clock = clock;
    }

    public String label() {
        return label;
    }

    /** Whether a higher value is the better one (a rework or return rate is better low). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whom the indicator is counted for. */
    public Set<SubjectKind> subjects() {
        return subjects;
    }

    public String numerator() {
        return numerator;
    }

    public String denominator() {
        return denominator;
    }

    /** Which instant puts a fact in a period. */
    public String clock() {
        return clock;
    }

    /** One line for API documents: label, numerator over denominator, clock. */
    public String definition() {
        return label + " = " + numerator + " / " + denominator + "; period by " + clock;
    }
}
