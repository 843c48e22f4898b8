package cn.changning.governance.assessment.domain.indicator;

import cn.changning.governance.contracts.dispatch.AgencyRole;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockPaused;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockResumed;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionApproved;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import cn.changning.governance.contracts.dispatch.DispatchOrderOverdue;
import cn.changning.governance.contracts.dispatch.DispatchOrderReassigned;
import cn.changning.governance.contracts.dispatch.DispatchOrderReissued;
import cn.changning.governance.contracts.dispatch.DispatchOrderReturned;
import cn.changning.governance.contracts.dispatch.DispatchOrderRouted;
import cn.changning.governance.contracts.dispatch.DispatchOrderSentBackForRework;
import cn.changning.governance.contracts.dispatch.DispatchOrderTimerStarted;
import cn.changning.governance.contracts.dispatch.DispatchOrderWithdrawn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One dispatch order's facts, as its events on the dispatch topic tell them: the one fold of the dispatch events the
 * indicators count by (the projection stores its result, a benchmark folds events in memory with the same
 * {@link #apply}). Immutable; {@link #apply} answers the facts after the event, and ignores events that change nothing
 * an indicator counts.
 * <p>
 * Each round of a case is its own order (rework and reopening issue the next round's order; the dispatch service sends
 * the previous round's order back for rework in both cases). The current {@code deadline} is the last one the order
 * was given: at issue, by the timer, by an approved extension, by a resumed clock (a hold moves it by the time held),
 * by a reissue. While the clock is paused ({@code onHold}) the order has no deadline to be judged by.
 *
 * @param dispatchedTo  every agency a part of the order went to: the lead and assistants at issue, then each agency it
 *                      was reassigned to (the parts of the return rate)
 * @param returns       per agency, how many times it returned its part
 */
public record OrderFacts(String orderId, String caseId, int round, String streetCode, String leadAgencyId,
                         List<String> assistingAgencyIds, List<String> reassignedTo, List<String> dispatchedTo,
                         Instant issuedAt, Instant deadline, boolean onHold, Instant handledAt, boolean handledOnTime,
                         Instant overdueAt, Map<String, Integer> returns, boolean extensionApproved, Instant sentBackAt,
                         Instant withdrawnAt) {

    public OrderFacts {
        assistingAgencyIds = List.copyOf(assistingAgencyIds);
        reassignedTo = List.copyOf(reassignedTo);
        dispatchedTo = List.copyOf(dispatchedTo);
        returns = Map.copyOf(returns);
    }

    /** An order of which nothing is known yet but its id. */
    public static OrderFacts of(String orderId) {
        return new OrderFacts(orderId, null, 0, null, null, List.of(), List.of(), List.of(), null, null, false, null,
                false, null, Map.of(), false, null, null);
    }

    /** Folds a sequence of events (of this one order, in order). */
    public static OrderFacts fold(String orderId, Iterable<?> events) {
        OrderFacts facts = of(orderId);
        for (Object event : events) {
            facts = facts.apply(event);
        }
        return facts;
    }

    public boolean handled() {
        return handledAt != null;
    }

    public boolean overdue() {
        return overdueAt != null;
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    public boolean sentBackForRework() {
        return sentBackAt != null;
    }

    /** The facts after one contract event of this order; any other event leaves them as they are. */
    public OrderFacts apply(Object event) {
        Change c = new Change(this);
        if (event instanceof DispatchOrderRouted e) {
            c.caseId = e.caseId();
            c.round = e.round();
            if (c.streetCode == null) {
                c.streetCode = e.streetCode();
            }
        } else if (event instanceof DispatchOrderIssued e) {
            c.caseId = e.caseId();
            c.round = e.round();
            c.streetCode = e.streetCode();
            c.leadAgencyId = e.leadAgencyId();
            c.assisting = new ArrayList<>(e.assistingAgencyIds() == null ? List.of() : e.assistingAgencyIds());
            c.dispatchedTo.add(e.leadAgencyId());
            c.dispatchedTo.addAll(c.assisting);
            c.deadline = e.deadline();
            c.issuedAt = e.issuedAt();
        } else if (event instanceof DispatchOrderTimerStarted e) {
            c.deadline = e.deadline();
        } else if (event instanceof DispatchOrderClockPaused) {
            c.onHold = true;
        } else if (event instanceof DispatchOrderClockResumed e) {
            c.onHold = false;
            c.deadline = e.deadline();
        } else if (event instanceof DispatchOrderExtensionApproved e) {
            c.extensionApproved = true;
            c.deadline = e.deadline();
        } else if (event instanceof DispatchOrderReissued e) {
            if (e.deadline() != null) {
                c.deadline = e.deadline();
            }
        } else if (event instanceof DispatchOrderHandled e) {
            c.round = e.round();
            c.handledAt = e.handledAt();
            c.handledOnTime = e.onTime();
        } else if (event instanceof DispatchOrderOverdue e) {
            if (c.overdueAt == null) {
                c.overdueAt = e.overdueAt();
            }
        } else if (event instanceof DispatchOrderReturned e) {
            c.returns.merge(e.agencyId(), 1, Integer::sum);
        } else if (event instanceof DispatchOrderReassigned e) {
            c.reassignedTo.add(e.toAgencyId());
            c.dispatchedTo.add(e.toAgencyId());
            if (e.role() == AgencyRole.LEAD) {
                c.leadAgencyId = e.toAgencyId();
            } else {
                c.assisting.remove(e.fromAgencyId());
                c.assisting.add(e.toAgencyId());
            }
        } else if (event instanceof DispatchOrderSentBackForRework e) {
            c.sentBackAt = e.sentBackAt();
        } else if (event instanceof DispatchOrderWithdrawn e) {
            c.withdrawnAt = e.withdrawnAt();
        } else {
            return this;
        }
        return c.facts();
    }

    /** The facts being changed by one event. */
    private static final class Change {
        final String orderId;
        String caseId;
        int round;
        String streetCode;
        String leadAgencyId;
        List<String> assisting;
        final List<String> reassignedTo;
        final LinkedHashSet<String> dispatchedTo;
        Instant issuedAt;
        Instant deadline;
        boolean onHold;
        Instant handledAt;
        boolean handledOnTime;
        Instant overdueAt;
        final Map<String, Integer> returns;
        boolean extensionApproved;
        Instant sentBackAt;
        Instant withdrawnAt;

        Change(OrderFacts f) {
            orderId = f.orderId;
            caseId = f.caseId;
            round = f.round;
            streetCode = f.streetCode;
            leadAgencyId = f.leadAgencyId;
            assisting = new ArrayList<>(f.assistingAgencyIds);
            reassignedTo = new ArrayList<>(f.reassignedTo);
            dispatchedTo = new LinkedHashSet<>(f.dispatchedTo);
            issuedAt = f.issuedAt;
            deadline = f.deadline;
            onHold = f.onHold;
            handledAt = f.handledAt;
            handledOnTime = f.handledOnTime;
            overdueAt = f.overdueAt;
            returns = new LinkedHashMap<>(f.returns);
            extensionApproved = f.extensionApproved;
            sentBackAt = f.sentBackAt;
            withdrawnAt = f.withdrawnAt;
        }

        OrderFacts facts() {
            return new OrderFacts(orderId, caseId, round, streetCode, leadAgencyId, assisting, reassignedTo,
                    new ArrayList<>(dispatchedTo), issuedAt, deadline, onHold, handledAt, handledOnTime, overdueAt,
                    returns, extensionApproved, sentBackAt, withdrawnAt);
        }
    }
}
