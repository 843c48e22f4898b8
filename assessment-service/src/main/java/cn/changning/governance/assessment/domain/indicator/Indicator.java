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
            "orders handled (DispatchOrderHandled) among those due",
            "orders due for handling: dispatch orders led by the subject whose deadline falls in the period (DispatchOrderIssued, deadline as moved by extensions and holds), withdrawn orders left out",
            "the order's deadline date, Asia/Shanghai"),
    ON_TIME_HANDLING_RATE("on-time handling rate", true, EnumSet.allOf(SubjectKind.class),
            "orders handled by their deadline (DispatchOrderHandled.onTime)",
            "orders due for handling (as for the handling rate)",
            "the order's deadline date, Asia/Shanghai"),
    CLOSURE_RATE("closure rate", true, EnumSet.allOf(SubjectKind.class),
            "orders whose case was closed after them (CaseClosed after the order's round)",
            "orders due for closure: handled orders plus orders overdue and not handled",
            "the order's deadline date, Asia/Shanghai"),
    ON_TIME_CLOSURE_RATE("on-time closure rate", true, EnumSet.allOf(SubjectKind.class),
            "orders whose case was closed on time (CaseClosed.onTime)",
            "orders due for closure (as for the closure rate)",
            "the order's deadline date, Asia/Shanghai"),
    ACCURATE_DISPATCH_RATE("accurate dispatch rate", true, EnumSet.allOf(SubjectKind.class),
            "orders dispatched and not reworked (dispatched minus DispatchOrderSentBackForRework)",
            "orders dispatched (DispatchOrderIssued)",
            "the order's issue date, Asia/Shanghai"),
    ON_TIME_FILING_RATE("on-time filing rate", true, EnumSet.of(SubjectKind.STREET),
            "cases filed within the filing time limit of their report",
            "cases filed (CaseFiled) in the street",
            "the filing date, Asia/Shanghai"),
    REWORK_RATE("rework rate", false, EnumSet.allOf(SubjectKind.class),
            "orders sent back for rework (DispatchOrderSentBackForRework)",
            "orders due for closure",
            "the order's deadline date, Asia/Shanghai"),
    RETURN_RATE("return rate", false, EnumSet.allOf(SubjectKind.class),
            "parts of orders the subject returned (DispatchOrderReturned)",
            "parts of orders dispatched to the subject",
            "the order's issue date, Asia/Shanghai"),
    EXTENSION_RATE("extension rate", false, EnumSet.allOf(SubjectKind.class),
            "orders granted an extension (DispatchOrderExtensionApproved)",
            "orders dispatched",
            "the order's issue date, Asia/Shanghai"),
    REPEAT_CASES("repeat cases", false, EnumSet.of(SubjectKind.STREET),
            "cases at a place where the same item was reported three times or more in the period",
            "cases filed in the street",
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
