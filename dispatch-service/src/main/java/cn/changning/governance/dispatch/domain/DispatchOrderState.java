package cn.changning.governance.dispatch.domain;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.dispatch.DispatchOrderEscalated;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandlingReported;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import cn.changning.governance.contracts.dispatch.DispatchOrderReturned;
import cn.changning.governance.contracts.dispatch.DispatchOrderRouted;
import cn.changning.governance.contracts.dispatch.DispatchOrderSentBackForRework;
import cn.changning.governance.contracts.dispatch.DispatchOrderWithdrawn;
import cn.changning.governance.contracts.dispatch.EscalationLevel;
import cn.changning.governance.contracts.dispatch.WithdrawalReason;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReworkPlan;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;

import java.util.List;

/**
 * The state of a {@link DispatchOrder}, rebuilt from its events, and the rules about it that every handler shares.
 * Apart from the order's command and deadline handlers so that each class stays readable; Axon finds the event
 * sourcing handlers and members here as part of the one aggregate, {@code DispatchOrder}.
 */
abstract class DispatchOrderState {

    @AggregateIdentifier
    String orderId;
    String caseId;
    int round;
    ReworkPlan routing;
    @AggregateMember
    final JointTask parts = new JointTask();
    @AggregateMember
    final OrderClock clock = new OrderClock();
    @AggregateMember
    final ReturnArbitration arbitration = new ReturnArbitration();
    EscalationLevel followedUpBy;
    int returnCount;
    DispatchOrderHandlingReported report;
    boolean handled;
    Integer sentBackInRework;
    WithdrawalReason withdrawnFor;

    // --- rules shared by the handlers

    boolean isClosed() {
        return handled || sentBackInRework != null || withdrawnFor != null;
    }

    void requireOpen() {
        if (handled) {
            throw DomainRuleViolation.conflict("order-handled", orderId + " has been handled; it takes no more actions");
        }
        if (sentBackInRework != null) {
            throw DomainRuleViolation.conflict("order-reworked", orderId + " was sent back for rework; act on the next round's order");
        }
        if (withdrawnFor != null) {
            throw DomainRuleViolation.conflict("order-withdrawn", orderId + " was withdrawn (" + withdrawnFor + "); it takes no more actions");
        }
    }

    static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }

    // --- state, rebuilt from the events (the parts' and the clock's own state in JointTask and OrderClock)

    @EventSourcingHandler
    void on(DispatchOrderIssued e) {
        orderId = e.orderId();
        caseId = e.caseId();
        round = e.round();
    }

    @EventSourcingHandler
    void on(DispatchOrderRouted e) {
        routing = new ReworkPlan(e.caseId(), e.round(), e.itemCode(), e.itemClass(), e.handlingType(), e.persistentProblem(),
                e.gridCode(), e.streetCode(), null, e.leadAgencyType(), List.of(), e.assistingAgencyTypes(),
                e.followedUpBy(), null, null);
        followedUpBy = e.followedUpBy();
    }

    @EventSourcingHandler
    void on(DispatchOrderReturned e) {
        returnCount = e.returnCount();
    }

    @EventSourcingHandler
    void on(DispatchOrderHandlingReported e) {
        report = e;
    }

    @EventSourcingHandler
    void on(DispatchOrderHandled e) {
        handled = true;
    }

    @EventSourcingHandler
    void on(DispatchOrderEscalated e) {
        followedUpBy = e.toLevel();
    }

    @EventSourcingHandler
    void on(DispatchOrderSentBackForRework e) {
        sentBackInRework = e.reworkRound();
    }

    @EventSourcingHandler
    void on(DispatchOrderWithdrawn e) {
        withdrawnFor = e.reason();
    }
}
