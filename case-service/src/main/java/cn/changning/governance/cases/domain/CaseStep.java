package cn.changning.governance.cases.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands in the six-step closed loop. */
public enum CaseStep {
    /** Step 1 done: awaits filing or rejection. */
    REPORTED,
    /** Step 2: classified, grid assigned, deadline set; awaits dispatch. */
    FILED,
    /** Not filed: invalid, out of scope or a duplicate. Final. */
    REJECTED,
    /** Step 3: an order is out to the lead agency. */
    DISPATCHED,
    /** Step 4: the agency reported it handled; awaits verification on site. */
    HANDLED,
    /** Step 5 begun: checked on site; awaits closing or rework. */
    VERIFIED,
    /** Verification failed: back to dispatch for another round. */
    SENT_BACK,
    /** A closed case reopened: back to dispatch for another round. */
    REOPENED,
    /** Step 5 done: closed, fixed or not fixed. */
    CLOSED,
    /** Step 6: the resident's feedback is recorded. */
    ASSESSED;

    private static final Set<CaseStep> ENDED = EnumSet.of(REJECTED, CLOSED, ASSESSED);
    private static final Set<CaseStep> AWAITING_DISPATCH = EnumSet.of(FILED, SENT_BACK, REOPENED);

    /** Still to be dealt with: counts in the open-case gauge and may become overdue. */
    public boolean isOpen() {
        return !ENDED.contains(this);
    }

    public boolean awaitsDispatch() {
        return AWAITING_DISPATCH.contains(this);
    }
}
