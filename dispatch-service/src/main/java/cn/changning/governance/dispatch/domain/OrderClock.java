package cn.changning.governance.dispatch.domain;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockPaused;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockResumed;
import cn.changning.governance.contracts.dispatch.DispatchOrderDueSoon;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionApproved;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionRefused;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionRequested;
import cn.changning.governance.contracts.dispatch.DispatchOrderOverdue;
import cn.changning.governance.contracts.dispatch.DispatchOrderTimerStarted;
import cn.changning.governance.reference.calendar.RoundDeadlines;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;

/**
 * The order's clock: when it started, the 80% "due soon" warning, the deadline, an extension that
 * awaits the street's decision, how many extensions the round had, whether the warning and the overdue
 * have fired for the current deadline, and whether the clock is paused (the case on hold). A member of the {@link DispatchOrder} aggregate, changed only by the order's events in
 * its own event sourcing handlers; the deadlines themselves are kept by Axon's deadline manager.
 */
final class OrderClock {

    static final String WARNING_DEADLINE = "dispatch-order-due-soon";
    static final String OVERDUE_DEADLINE = "dispatch-order-overdue";

    private Instant startedAt;
    private Instant warningAt;
    private Instant deadline;
    private Instant pendingExtension;
    private boolean warned;
    private boolean overdue;
    private int extensionsApproved;
    /** Set while the case is on hold: no timer runs. */
    private Instant pausedAt;

    /** Where the clock stands after a hold: what {@code DispatchOrderClockResumed} says. */
    record Resumption(Instant warningAt, Instant deadline) {
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant deadline() {
        return deadline;
    }

    Instant pendingExtension() {
        return pendingExtension;
    }

    /** The warning fires once, and not for a warning time an extension has moved. */
    boolean warningFires(Instant dueAt) {
        return !warned && dueAt.equals(warningAt);
    }

    /** The overdue fires once per deadline, and not for a deadline an extension has moved. */
    boolean overdueFires(Instant dueAt) {
        return !overdue && dueAt.equals(deadline);
    }

    /** On time if done by the deadline; while paused, the clock stood still at the pause. */
    boolean onTime(Instant at) {
        return !(pausedAt == null ? at : pausedAt).isAfter(deadline);
    }

    boolean paused() {
        return pausedAt != null;
    }

    /**
     * The clock after the hold that ends at {@code resumedAt}: the deadline and a warning still to come move on by the
     * hold's working time ({@link RoundDeadlines#afterHold}, the rule the case uses too). An order overdue before the
     * hold had no time left: it stays overdue with its deadline, as a warning that fired keeps its time.
     */
    Resumption resumption(RoundDeadlines rounds, Instant resumedAt) {
        // A resume stamped before its pause (clocks of two services) counts as a hold of no time, never a negative one.
        Instant until = resumedAt.isBefore(pausedAt) ? pausedAt : resumedAt;
        Instant newDeadline = overdue ? deadline : rounds.afterHold(deadline, pausedAt, until);
        Instant newWarning = warned || overdue ? warningAt : rounds.afterHold(warningAt, pausedAt, until);
        return new Resumption(newWarning, newDeadline);
    }

    /** Schedules what is still to fire of the current clock (after a resume). */
    void scheduleRemaining(DeadlineManager deadlines) {
        if (!warned && !overdue) {
            deadlines.schedule(warningAt, WARNING_DEADLINE, new DeadlineDue(warningAt));
        }
        if (!overdue) {
            deadlines.schedule(deadline, OVERDUE_DEADLINE, new DeadlineDue(deadline));
        }
    }

    void requireRunning(String orderId) {
        if (pausedAt != null) {
            throw DomainRuleViolation.conflict("clock-paused",
                    "The case of " + orderId + " is on hold and the order's clock is paused; decide the extension after it resumes");
        }
    }

    /** One extension per round is the street's to approve; any further one needs the district centre. */
    void requireStreetMayApprove(String orderId) {
        if (extensionsApproved >= 1) {
            throw DomainRuleViolation.conflict("district-approval-required", orderId + " had its one extension of the round"
                    + " approved by the street already; a second extension needs the district centre's approval");
        }
    }

    void requireLaterDeadline(Instant requested) {
        if (requested == null || !requested.isAfter(deadline)) {
            throw DomainRuleViolation.invalid("extension-not-later", "requestedDeadline",
                    "The requested deadline must be after the current one, " + deadline);
        }
    }

    void requireNoPendingExtension() {
        if (pendingExtension != null) {
            throw DomainRuleViolation.conflict("extension-pending", "An extension request awaits the street's decision already");
        }
    }

    void requirePendingExtension(String orderId) {
        if (pendingExtension == null) {
            throw DomainRuleViolation.conflict("no-extension-pending", "No extension request awaits a decision on " + orderId);
        }
    }

    static void schedule(DeadlineManager deadlines, Instant warning, Instant due) {
        deadlines.schedule(warning, WARNING_DEADLINE, new DeadlineDue(warning));
        deadlines.schedule(due, OVERDUE_DEADLINE, new DeadlineDue(due));
    }

    static void cancel(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(WARNING_DEADLINE);
        deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
    }

    // --- state, rebuilt from the order's events

    @EventSourcingHandler
    void on(DispatchOrderTimerStarted e) {
        startedAt = e.startedAt();
        warningAt = e.warningAt();
        deadline = e.deadline();
    }

    @EventSourcingHandler
    void on(DispatchOrderExtensionRequested e) {
        pendingExtension = e.requestedDeadline();
    }

    @EventSourcingHandler
    void on(DispatchOrderExtensionApproved e) {
        pendingExtension = null;
        deadline = e.deadline();
        warningAt = e.warningAt();
        // A new clock: its warning and overdue may fire again.
        warned = false;
        overdue = false;
        extensionsApproved++;
    }

    @EventSourcingHandler
    void on(DispatchOrderExtensionRefused e) {
        pendingExtension = null;
    }

    @EventSourcingHandler
    void on(DispatchOrderDueSoon e) {
        warned = true;
    }

    @EventSourcingHandler
    void on(DispatchOrderOverdue e) {
        overdue = true;
    }

    @EventSourcingHandler
    void on(DispatchOrderClockPaused e) {
        pausedAt = e.pausedAt();
    }

    @EventSourcingHandler
    void on(DispatchOrderClockResumed e) {
        pausedAt = null;
        warningAt = e.warningAt();
        deadline = e.deadline();
    }
}
