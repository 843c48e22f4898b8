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
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;

import java.time.Instant;

/**
 * The order's clock: when it started, the 80% "due soon" warning, the deadline, an extension that
 * awaits the street's decision, how many extensions the round had, whether the warning and the overdue
 * have fired for the current deadline, and whether the clock is paused (the case on hold). A member of the {@link DispatchOrder} aggregate, changed only by the order's events in
 * its own event sourcing handlers; the deadlines themselves are kept by Axon's deadline manager.
 *
 * <p>The clock also remembers the schedule ids of its pending warning and overdue deadlines, from the metadata of the
 * event that scheduled them ({@link #WARNING_SCHEDULE}, {@link #OVERDUE_SCHEDULE}): the db-scheduler deadline manager
 * cancels one id with a delete by primary key, while {@code cancelAllWithinScope} reads and deserialises every
 * scheduled deadline of the service to find the order's (issue 16). The ids are plumbing, not domain facts, so they
 * live in metadata: the published payloads and their schemas do not change. An order whose events carry no ids
 * (stored before this) falls back to cancelling within its scope.</p>
 */
final class OrderClock {

    static final String WARNING_DEADLINE = "dispatch-order-due-soon";
    static final String OVERDUE_DEADLINE = "dispatch-order-overdue";
    /** Metadata of the event that scheduled the clock's deadlines: their schedule ids, or {@link #NOT_SCHEDULED}. */
    static final String WARNING_SCHEDULE = "warningScheduleId";
    static final String OVERDUE_SCHEDULE = "overdueScheduleId";
    /** Said explicitly, so an event that scheduled only the overdue is not mistaken for one stored before the ids. */
    static final String NOT_SCHEDULED = "none";

    private Instant startedAt;
    private Instant warningAt;
    private Instant deadline;
    private Instant pendingExtension;
    private boolean warned;
    private boolean overdue;
    private int extensionsApproved;
    /** Set while the case is on hold: no timer runs. */
    private Instant pausedAt;
    /** False while the deadlines pending were scheduled before their ids were recorded: they are cancelled by scope. */
    private boolean schedulesKnown = true;
    /** The schedule ids of the pending deadlines; null once cancelled or fired, or none was scheduled. */
    private String warningSchedule;
    private String overdueSchedule;

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

    /**
     * Schedules what is still to fire of the current clock (after a resume), given the resumption's clock; answers the
     * metadata that records the ids, for the event that moves the clock. Scheduling before that event is applied is
     * safe: the db-scheduler deadline manager only hands out the id here and inserts the task in the unit of work's
     * prepare-commit, so a command that fails schedules nothing.
     */
    MetaData scheduleRemaining(DeadlineManager deadlines, Resumption resumed) {
        String warning = !warned && !overdue
                ? deadlines.schedule(resumed.warningAt(), WARNING_DEADLINE, new DeadlineDue(resumed.warningAt()))
                : NOT_SCHEDULED;
        String due = !overdue
                ? deadlines.schedule(resumed.deadline(), OVERDUE_DEADLINE, new DeadlineDue(resumed.deadline()))
                : NOT_SCHEDULED;
        return recorded(warning, due);
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

    /** Schedules a new clock's warning and overdue; answers the metadata that records their ids (see above). */
    static MetaData schedule(DeadlineManager deadlines, Instant warning, Instant due) {
        return recorded(deadlines.schedule(warning, WARNING_DEADLINE, new DeadlineDue(warning)),
                deadlines.schedule(due, OVERDUE_DEADLINE, new DeadlineDue(due)));
    }

    private static MetaData recorded(String warningSchedule, String overdueSchedule) {
        return MetaData.with(WARNING_SCHEDULE, warningSchedule).and(OVERDUE_SCHEDULE, overdueSchedule);
    }

    /**
     * Cancels the pending deadlines: by their recorded ids, or, for deadlines scheduled before the ids were recorded,
     * every deadline of the order's scope. Call it before scheduling new ones: a cancel within scope registered after
     * a schedule would cancel the new deadline too (both run, in order, at prepare-commit).
     */
    void cancel(DeadlineManager deadlines) {
        if (!schedulesKnown) {
            deadlines.cancelAllWithinScope(WARNING_DEADLINE);
            deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
            return;
        }
        // A deadline that fired left an event that forgot its id; one that fired unnoticed, or is firing right now, the
        // service's deadline manager tolerates (config.OrderDeadlineManager): a cancel never fails the command.
        if (warningSchedule != null) {
            deadlines.cancelSchedule(WARNING_DEADLINE, warningSchedule);
        }
        if (overdueSchedule != null) {
            deadlines.cancelSchedule(OVERDUE_DEADLINE, overdueSchedule);
        }
    }

    private void remember(String warning, String overdue) {
        // Events stored before the ids were recorded carry neither key.
        schedulesKnown = warning != null || overdue != null;
        warningSchedule = NOT_SCHEDULED.equals(warning) ? null : warning;
        overdueSchedule = NOT_SCHEDULED.equals(overdue) ? null : overdue;
    }

    /** The deadlines were cancelled (pause, handling, rework, withdrawal): none is pending, whichever way they went. */
    void forgetSchedules() {
        schedulesKnown = true;
        warningSchedule = null;
        overdueSchedule = null;
    }

    // --- state, rebuilt from the order's events

    @EventSourcingHandler
    void on(DispatchOrderTimerStarted e, @MetaDataValue(WARNING_SCHEDULE) String warningId,
            @MetaDataValue(OVERDUE_SCHEDULE) String overdueId) {
        remember(warningId, overdueId);
        startedAt = e.startedAt();
        warningAt = e.warningAt();
        deadline = e.deadline();
    }

    @EventSourcingHandler
    void on(DispatchOrderExtensionRequested e) {
        pendingExtension = e.requestedDeadline();
    }

    @EventSourcingHandler
    void on(DispatchOrderExtensionApproved e, @MetaDataValue(WARNING_SCHEDULE) String warningId,
            @MetaDataValue(OVERDUE_SCHEDULE) String overdueId) {
        remember(warningId, overdueId);
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
        // It fired: db-scheduler removed the task, there is nothing left to cancel.
        warningSchedule = null;
    }

    @EventSourcingHandler
    void on(DispatchOrderOverdue e) {
        overdue = true;
        overdueSchedule = null;
    }

    @EventSourcingHandler
    void on(DispatchOrderClockPaused e) {
        pausedAt = e.pausedAt();
        forgetSchedules();
    }

    @EventSourcingHandler
    void on(DispatchOrderClockResumed e, @MetaDataValue(WARNING_SCHEDULE) String warningId,
            @MetaDataValue(OVERDUE_SCHEDULE) String overdueId) {
        remember(warningId, overdueId);
        pausedAt = null;
        warningAt = e.warningAt();
        deadline = e.deadline();
    }
}
