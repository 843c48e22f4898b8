package cn.changning.governance.dispatch.domain;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.dispatch.AgencyRole;
import cn.changning.governance.contracts.dispatch.DispatchOrderAccepted;
import cn.changning.governance.contracts.dispatch.DispatchOrderArbitrated;
import cn.changning.governance.contracts.dispatch.DispatchOrderAssistanceConfirmed;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockPaused;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockResumed;
import cn.changning.governance.contracts.dispatch.DispatchOrderDueSoon;
import cn.changning.governance.contracts.dispatch.DispatchOrderEscalated;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionApproved;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionRefused;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionRequested;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandlingReported;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import cn.changning.governance.contracts.dispatch.DispatchOrderOverdue;
import cn.changning.governance.contracts.dispatch.DispatchOrderReassigned;
import cn.changning.governance.contracts.dispatch.DispatchOrderReferredToArbitration;
import cn.changning.governance.contracts.dispatch.DispatchOrderReissued;
import cn.changning.governance.contracts.dispatch.DispatchOrderReturned;
import cn.changning.governance.contracts.dispatch.DispatchOrderRouted;
import cn.changning.governance.contracts.dispatch.DispatchOrderSentBackForRework;
import cn.changning.governance.contracts.dispatch.DispatchOrderTimerStarted;
import cn.changning.governance.contracts.dispatch.DispatchOrderWithdrawn;
import cn.changning.governance.contracts.dispatch.EscalationLevel;
import cn.changning.governance.contracts.dispatch.ReturnReason;
import cn.changning.governance.dispatch.domain.DispatchCommands.AcceptDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.ApproveExtension;
import cn.changning.governance.dispatch.domain.DispatchCommands.ApproveExtensionAtDistrict;
import cn.changning.governance.dispatch.domain.DispatchCommands.ConfirmAssistance;
import cn.changning.governance.dispatch.domain.DispatchCommands.IssueDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.PauseDispatchOrderClock;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReassignDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.RefuseExtension;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReissueDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReportHandling;
import cn.changning.governance.dispatch.domain.DispatchCommands.RequestExtension;
import cn.changning.governance.dispatch.domain.DispatchCommands.ResumeDispatchOrderClock;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReturnDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReworkPlan;
import cn.changning.governance.dispatch.domain.DispatchCommands.SendBackForRework;
import cn.changning.governance.dispatch.domain.DispatchCommands.WithdrawDispatchOrder;
import cn.changning.governance.dispatch.domain.JointTask.Part;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.calendar.RoundDeadlines;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static cn.changning.governance.dispatch.domain.OrderChecks.note;
import static cn.changning.governance.dispatch.domain.OrderChecks.photos;
import static cn.changning.governance.dispatch.domain.OrderChecks.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One dispatch of a case to the agencies responsible (派单): a lead and, in a joint task, assistants. Holds the
 * rules of step 4: accept or return, the street's arbitration of a return (binding once the round had
 * {@link ReturnRules} returns), reporting and confirming, extensions (one by the street, more by the district), the
 * order's clock (warning at 80%, overdue and escalation at 100%) kept by the deadline manager and paused while the
 * case is on hold, and its withdrawal when the case is no longer to be handled. The parts of a joint task are a
 * {@link JointTask}, the clock an {@link OrderClock}, the binding arbitration a {@link ReturnArbitration}; this class
 * holds the command handlers.
 *
 * <p>Action command handlers answer with the order's new version, which the API returns as its ETag.</p>
 */
public class DispatchOrder extends DispatchOrderState {

    public static final String WARNING_DEADLINE = OrderClock.WARNING_DEADLINE;
    public static final String OVERDUE_DEADLINE = OrderClock.OVERDUE_DEADLINE;
    public static final Set<String> RESULTS = Set.of("RESOLVED", "PARTIALLY_RESOLVED", "NOT_RESOLVABLE");
    static final int MAX_NOTE = OrderChecks.MAX_NOTE;
    static final int MAX_PHOTOS = OrderChecks.MAX_PHOTOS;

    protected DispatchOrder() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public DispatchOrder(IssueDispatchOrder c, DeadlineManager deadlines, DeadlinePlanner planner) {
        require(c.leadAgencyId(), "leadAgencyId", "An order needs a lead agency");
        List<String> assistants = c.assistingAgencyIds() == null ? List.of() : List.copyOf(c.assistingAgencyIds());
        if (assistants.contains(c.leadAgencyId()) || assistants.stream().distinct().count() != assistants.size()) {
            throw DomainRuleViolation.invalid("agency-twice", "assistingAgencyIds", "An agency can have only one part in an order");
        }
        if (c.deadline() == null || c.startedAt() == null || c.deadline().isBefore(c.startedAt())) {
            throw DomainRuleViolation.invalid("deadline-invalid", "deadline", "The deadline must not be before the start");
        }
        Instant warning = planner.warningAt(c.startedAt(), c.deadline());
        apply(new DispatchOrderIssued(c.orderId(), c.caseId(), c.round(), c.leadAgencyId(), assistants, c.streetCode(),
                c.deadline(), c.issuedAt()));
        apply(new DispatchOrderRouted(c.orderId(), c.caseId(), c.round(), c.itemCode(), c.itemClass(), c.handlingType(),
                c.persistentProblem(), c.gridCode(), c.streetCode(), c.leadAgencyType(),
                c.assistingAgencyTypes() == null ? List.of() : List.copyOf(c.assistingAgencyTypes()),
                !assistants.isEmpty(), c.followedUpBy() == null ? EscalationLevel.STREET : c.followedUpBy()));
        // Scheduled first so the event can record the ids (the tasks are inserted only when the command commits).
        MetaData schedules = OrderClock.schedule(deadlines, warning, c.deadline());
        apply(new DispatchOrderTimerStarted(c.orderId(), c.caseId(), c.startedAt(), warning, c.deadline()), schedules);
    }

    @CommandHandler
    public long handle(AcceptDispatchOrder c) {
        requireOpen();
        Part part = parts.partOf(c.agencyId(), orderId);
        switch (part.state()) {
            case ACCEPTED, DONE -> throw DomainRuleViolation.conflict("already-accepted",
                    c.agencyId() + " has accepted its part of " + orderId + " already");
            case RETURNED -> throw DomainRuleViolation.conflict("awaiting-arbitration",
                    c.agencyId() + " returned its part of " + orderId + "; the street has to arbitrate first");
            default -> apply(new DispatchOrderAccepted(orderId, caseId, c.agencyId(), part.role(), c.acceptedAt()));
        }
        return version();
    }

    @CommandHandler
    public long handle(ReturnDispatchOrder c, ReturnRules rules) {
        requireOpen();
        Part part = parts.partOf(c.agencyId(), orderId);
        if (c.reason() == null) {
            throw DomainRuleViolation.invalid("reason-missing", "reason", "A return needs a reason");
        }
        note(c.note());
        switch (part.state()) {
            case RETURNED -> throw DomainRuleViolation.conflict("already-returned",
                    c.agencyId() + " returned its part of " + orderId + " already");
            case ACCEPTED, DONE -> throw DomainRuleViolation.conflict("already-accepted",
                    c.agencyId() + " accepted its part of " + orderId + " and can no longer return it");
            default -> {
                arbitration.requireNotBound(c.agencyId(), c.reason(), orderId);
                int count = returnCount + 1;
                List<ReturnReason> reasons = arbitration.reasonsWith(c.reason());
                apply(new DispatchOrderReturned(orderId, caseId, c.agencyId(), part.role(), c.reason(), c.note(), count,
                        c.returnedAt()));
                if (rules.refersToArbitration(count)) {
                    apply(new DispatchOrderReferredToArbitration(orderId, caseId, c.agencyId(), part.role(), count, reasons,
                            c.returnedAt()));
                }
            }
        }
        return version();
    }

    @CommandHandler
    public long handle(ReassignDispatchOrder c, AgencyDirectory agencies) {
        requireOpen();
        Part part = parts.returnedPartOf(c.returnedAgencyId(), orderId);
        require(c.toAgencyId(), "toAgencyId", "A reassignment needs the agency it goes to");
        require(c.arbitratedBy(), "arbitratedBy", "Say who arbitrated");
        note(c.note());
        if (c.toAgencyId().equals(c.returnedAgencyId())) {
            throw DomainRuleViolation.invalid("reassign-to-same-agency", "toAgencyId",
                    "To give the part to the same agency again, uphold the dispatch (reissue) instead");
        }
        if (parts.hasPart(c.toAgencyId())) {
            throw DomainRuleViolation.invalid("agency-already-on-order", "toAgencyId",
                    c.toAgencyId() + " has a part in " + orderId + " already");
        }
        ReassignmentRules.check(agencies, c.toAgencyId(), routing.streetCode(), routing.handlingType(), part.role());
        apply(new DispatchOrderReassigned(orderId, caseId, c.returnedAgencyId(), c.toAgencyId(), part.role(),
                c.arbitratedBy(), c.note(), c.reassignedAt()));
        bindIfReferred(c.returnedAgencyId(), c.toAgencyId(), part.role(), c.arbitratedBy(), c.reassignedAt());
        return version();
    }

    @CommandHandler
    public long handle(ReissueDispatchOrder c) {
        requireOpen();
        Part part = parts.returnedPartOf(c.returnedAgencyId(), orderId);
        require(c.arbitratedBy(), "arbitratedBy", "Say who arbitrated");
        note(c.note());
        apply(new DispatchOrderReissued(orderId, caseId, c.returnedAgencyId(), part.role(), c.arbitratedBy(), c.note(),
                clock.deadline(), c.reissuedAt()));
        bindIfReferred(c.returnedAgencyId(), c.returnedAgencyId(), part.role(), c.arbitratedBy(), c.reissuedAt());
        return version();
    }

    @CommandHandler
    public long handle(ReportHandling c, DeadlineManager deadlines) {
        requireOpen();
        Part part = parts.partOf(c.agencyId(), orderId);
        if (part.role() != AgencyRole.LEAD) {
            throw DomainRuleViolation.invalid("not-the-lead", "agencyId",
                    "Only the lead agency reports handling; an assisting agency confirms its part");
        }
        JointTask.requireAccepted(c.agencyId(), part, orderId, "already-reported", "The lead reported its handling of " + orderId + " already");
        if (c.result() == null || !RESULTS.contains(c.result())) {
            throw DomainRuleViolation.invalid("result-invalid", "result", "The result must be one of " + RESULTS);
        }
        note(c.note());
        List<String> photos = photos(c.photoUrls());
        apply(new DispatchOrderHandlingReported(orderId, caseId, c.agencyId(), c.result(), c.note(), photos, c.reportedAt()));
        completeIfAllDone(c.reportedAt(), deadlines);
        return version();
    }

    @CommandHandler
    public long handle(ConfirmAssistance c, DeadlineManager deadlines) {
        requireOpen();
        Part part = parts.partOf(c.agencyId(), orderId);
        if (part.role() != AgencyRole.ASSIST) {
            throw DomainRuleViolation.invalid("not-an-assistant", "agencyId",
                    "The lead reports handling; only assisting agencies confirm their part");
        }
        note(c.note());
        if (report == null) {
            throw DomainRuleViolation.conflict("lead-not-reported",
                    "The lead agency has not reported its handling of " + orderId + " yet; assistants confirm after it");
        }
        JointTask.requireAccepted(c.agencyId(), part, orderId, "already-confirmed", c.agencyId() + " confirmed its part already");
        apply(new DispatchOrderAssistanceConfirmed(orderId, caseId, c.agencyId(), c.note(), c.confirmedAt()));
        completeIfAllDone(c.confirmedAt(), deadlines);
        return version();
    }

    @CommandHandler
    public long handle(RequestExtension c) {
        requireOpen();
        Part part = parts.partOf(c.agencyId(), orderId);
        if (part.role() != AgencyRole.LEAD) {
            throw DomainRuleViolation.invalid("not-the-lead", "agencyId", "Only the lead agency can ask for more time");
        }
        JointTask.requireAccepted(c.agencyId(), part, orderId, "already-reported", "The lead reported its handling already");
        require(c.reason(), "reason", "An extension needs a reason");
        note(c.reason());
        clock.requireLaterDeadline(c.requestedDeadline());
        clock.requireNoPendingExtension();
        apply(new DispatchOrderExtensionRequested(orderId, caseId, c.agencyId(), c.reason(), c.requestedDeadline(), c.requestedAt()));
        return version();
    }

    @CommandHandler
    public long handle(ApproveExtension c, DeadlineManager deadlines, DeadlinePlanner planner) {
        requireOpen();
        clock.requirePendingExtension(orderId);
        require(c.decidedBy(), "decidedBy", "Say who decided");
        clock.requireRunning(orderId);
        clock.requireStreetMayApprove(orderId);
        return approve(c.decidedBy(), c.approvedAt(), deadlines, planner);
    }

    /** The district centre's approval: any extension, including those beyond the street's one per round. */
    @CommandHandler
    public long handle(ApproveExtensionAtDistrict c, DeadlineManager deadlines, DeadlinePlanner planner) {
        requireOpen();
        clock.requirePendingExtension(orderId);
        require(c.decidedBy(), "decidedBy", "Say who decided");
        clock.requireRunning(orderId);
        return approve(c.decidedBy(), c.approvedAt(), deadlines, planner);
    }

    private long approve(String decidedBy, Instant approvedAt, DeadlineManager deadlines, DeadlinePlanner planner) {
        Instant newDeadline = clock.pendingExtension();
        Instant newWarning = planner.warningAt(clock.startedAt(), newDeadline);
        // The old clock's deadlines go before the new ones are scheduled (see OrderClock.cancel).
        clock.cancel(deadlines);
        MetaData schedules = OrderClock.schedule(deadlines, newWarning, newDeadline);
        apply(new DispatchOrderExtensionApproved(orderId, caseId, decidedBy, clock.deadline(), newDeadline, newWarning,
                approvedAt), schedules);
        return version();
    }

    @CommandHandler
    public long handle(RefuseExtension c) {
        requireOpen();
        clock.requirePendingExtension(orderId);
        require(c.decidedBy(), "decidedBy", "Say who decided");
        require(c.reason(), "reason", "A refusal needs a reason");
        note(c.reason());
        apply(new DispatchOrderExtensionRefused(orderId, caseId, c.decidedBy(), c.reason(), c.refusedAt()));
        return version();
    }

    /** Idempotent: a redelivered rework event for the round already sent back answers the same plan again. */
    @CommandHandler
    public ReworkPlan handle(SendBackForRework c, DeadlineManager deadlines) {
        if (sentBackInRework != null && sentBackInRework == c.reworkRound()) {
            return plan(c.reworkRound());
        }
        if (sentBackInRework != null) {
            throw DomainRuleViolation.conflict("already-reworked", orderId + " was sent back for rework round " + sentBackInRework);
        }
        if (c.reworkRound() != round + 1) {
            throw DomainRuleViolation.invalid("rework-round-mismatch", "reworkRound",
                    "Order " + orderId + " is round " + round + "; rework round " + c.reworkRound() + " does not follow it");
        }
        if (!handled) {
            throw DomainRuleViolation.conflict("not-handled", orderId + " has not been handled; there is nothing to rework");
        }
        apply(new DispatchOrderSentBackForRework(orderId, caseId, round, c.reworkRound(), parts.leadAgencyId(), c.reason(),
                c.sentBackAt()));
        clock.cancel(deadlines);
        return plan(c.reworkRound());
    }

    /** The case is on hold: every timer stops. Redelivered, or for an order that no longer runs: nothing changes. */
    @CommandHandler
    public void handle(PauseDispatchOrderClock c, DeadlineManager deadlines) {
        if (isClosed() || clock.paused()) {
            return;
        }
        if (c.pausedAt() == null) {
            throw DomainRuleViolation.invalid("pausedAt-missing", "pausedAt", "Say when the case was put on hold");
        }
        clock.cancel(deadlines);
        apply(new DispatchOrderClockPaused(orderId, caseId, c.pausedAt()));
    }

    /** The case resumed: the clock continues with the working time it had left. Not paused: nothing changes. */
    @CommandHandler
    public void handle(ResumeDispatchOrderClock c, DeadlineManager deadlines, RoundDeadlines rounds) {
        if (isClosed() || !clock.paused()) {
            return;
        }
        if (c.resumedAt() == null) {
            throw DomainRuleViolation.invalid("resumedAt-missing", "resumedAt", "Say when the case was resumed");
        }
        OrderClock.Resumption resumed = clock.resumption(rounds, c.resumedAt());
        MetaData schedules = clock.scheduleRemaining(deadlines, resumed);
        apply(new DispatchOrderClockResumed(orderId, caseId, c.resumedAt(), resumed.warningAt(), resumed.deadline()), schedules);
    }

    /** The case is no longer to be handled: the order closes. Handled, reworked or withdrawn already: nothing changes. */
    @CommandHandler
    public void handle(WithdrawDispatchOrder c, DeadlineManager deadlines) {
        if (c.reason() == null) {
            throw DomainRuleViolation.invalid("reason-missing", "reason", "A withdrawal needs a reason");
        }
        if (isClosed()) {
            return;
        }
        apply(new DispatchOrderWithdrawn(orderId, caseId, c.reason(), c.withdrawnAt()));
        clock.cancel(deadlines);
    }

    // Deadlines are cancelled on pause and withdrawal; the guards below hold even for one that fires late.

    @DeadlineHandler(deadlineName = WARNING_DEADLINE)
    void warningDue(DeadlineDue due) {
        // Fires once: not after handling, not twice, not for a warning an extension has moved, not while paused.
        if (isClosed() || clock.paused() || !clock.warningFires(due.dueAt())) {
            return;
        }
        apply(new DispatchOrderDueSoon(orderId, caseId, parts.leadAgencyId(), clock.deadline(), due.dueAt()));
    }

    @DeadlineHandler(deadlineName = OVERDUE_DEADLINE)
    void deadlineDue(DeadlineDue due) {
        if (isClosed() || clock.paused() || !clock.overdueFires(due.dueAt())) {
            return;
        }
        String lead = parts.leadAgencyId();
        apply(new DispatchOrderOverdue(orderId, caseId, lead, clock.deadline(), due.dueAt()));
        if (followedUpBy == EscalationLevel.STREET) {
            apply(new DispatchOrderEscalated(orderId, caseId, lead, EscalationLevel.STREET, EscalationLevel.DISTRICT, due.dueAt()));
        }
    }

    private void completeIfAllDone(Instant at, DeadlineManager deadlines) {
        if (report != null && parts.allDone()) {
            apply(new DispatchOrderHandled(orderId, caseId, round, parts.leadAgencyId(), report.result(), report.note(),
                    report.photoUrls(), clock.onTime(at), at));
            clock.cancel(deadlines);
        }
    }

    /** A decision on a return referred to arbitration binds the chosen agency to it. */
    private void bindIfReferred(String returnedAgencyId, String chosenAgencyId, AgencyRole role, String arbitratedBy, Instant at) {
        if (arbitration.isReferred(returnedAgencyId)) {
            apply(new DispatchOrderArbitrated(orderId, caseId, returnedAgencyId, chosenAgencyId, role, arbitration.roundReasons(),
                    arbitratedBy, at));
        }
    }

    private ReworkPlan plan(int reworkRound) {
        return new ReworkPlan(caseId, reworkRound, routing.itemCode(), routing.itemClass(), routing.handlingType(),
                routing.persistentProblem(), routing.gridCode(), routing.streetCode(), parts.leadAgencyId(), routing.leadAgencyType(),
                parts.assistingAgencyIds(), routing.assistingAgencyTypes(), routing.followedUpBy(), clock.startedAt(), clock.deadline());
    }
}
