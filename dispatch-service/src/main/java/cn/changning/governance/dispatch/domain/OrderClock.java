package cn.changning.governance.dispatch.domain;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.dispatch.DispatchOrderDueSoon;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionApproved;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionRefused;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionRequested;
import cn.changning.governance.contracts.dispatch.DispatchOrderOverdue;
import cn.changning.governance.contracts.dispatch.DispatchOrderTimerStarted;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;

/**
 * The order's clock: when it started, the 80% "due soon" warning, the deadline, an extension that
 * awaits the street's decision, and whether the warning and the overdue have fired for the current
 * deadline. A member of the {@link DispatchOrder} aggregate, changed only by the order's events in
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

    boolean onTime(Instant at) {
        return !at.isAfter(deadline);
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
}
