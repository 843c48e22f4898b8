package cn.changning.governance.dispatch.domain;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.dispatch.AgencyRole;
import cn.changning.governance.contracts.dispatch.DispatchOrderAccepted;
import cn.changning.governance.contracts.dispatch.DispatchOrderAssistanceConfirmed;
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
import cn.changning.governance.contracts.dispatch.DispatchOrderReissued;
import cn.changning.governance.contracts.dispatch.DispatchOrderReturned;
import cn.changning.governance.contracts.dispatch.DispatchOrderRouted;
import cn.changning.governance.contracts.dispatch.DispatchOrderSentBackForRework;
import cn.changning.governance.contracts.dispatch.DispatchOrderTimerStarted;
import cn.changning.governance.contracts.dispatch.EscalationLevel;
import cn.changning.governance.dispatch.domain.DispatchCommands.AcceptDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.ApproveExtension;
import cn.changning.governance.dispatch.domain.DispatchCommands.ConfirmAssistance;
import cn.changning.governance.dispatch.domain.DispatchCommands.IssueDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReassignDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.RefuseExtension;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReissueDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReportHandling;
import cn.changning.governance.dispatch.domain.DispatchCommands.RequestExtension;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReturnDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReworkPlan;
import cn.changning.governance.dispatch.domain.DispatchCommands.SendBackForRework;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One dispatch of a case to the agencies responsible (派单): a lead and, in a joint task, assistants. Holds the
 * rules of step 4: accept or return, the street's arbitration of a return, reporting and confirming, extensions,
 * and the order's clock (warning at 80%, overdue and escalation at 100%) kept by the deadline manager.
 *
 * <p>Action command handlers answer with the order's new version, which the API returns as its ETag.</p>
 */
public class DispatchOrder {

    public static final String WARNING_DEADLINE = "dispatch-order-due-soon";
    public static final String OVERDUE_DEADLINE = "dispatch-order-overdue";
    public static final Set<String> RESULTS = Set.of("RESOLVED", "PARTIALLY_RESOLVED", "NOT_RESOLVABLE");
    static final int MAX_NOTE = 2000;
    static final int MAX_PHOTOS = 20;

    private record Part(AgencyRole role, PartState state) {
        Part with(PartState next) {
            return new Part(role, next);
        }
    }

    @AggregateIdentifier
    private String orderId;
    private String caseId;
    private int round;
    private ReworkPlan routing;
    private String leadAgencyId;
    private final Map<String, Part> parts = new LinkedHashMap<>();
    private Instant startedAt;
    private Instant warningAt;
    private Instant deadline;
    private EscalationLevel followedUpBy;
    private int returnCount;
    private DispatchOrderHandlingReported report;
    private boolean handled;
    private Integer sentBackInRework;
    private Instant pendingExtension;
    private boolean warned;
    private boolean overdue;

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
        apply(new DispatchOrderTimerStarted(c.orderId(), c.caseId(), c.startedAt(), warning, c.deadline()));
        scheduleClock(deadlines, warning, c.deadline());
    }

    @CommandHandler
    public long handle(AcceptDispatchOrder c) {
        requireOpen();
        Part part = partOf(c.agencyId());
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
    public long handle(ReturnDispatchOrder c) {
        requireOpen();
        Part part = partOf(c.agencyId());
        if (c.reason() == null) {
            throw DomainRuleViolation.invalid("reason-missing", "reason", "A return needs a reason");
        }
        note(c.note());
        switch (part.state()) {
            case RETURNED -> throw DomainRuleViolation.conflict("already-returned",
                    c.agencyId() + " returned its part of " + orderId + " already");
            case ACCEPTED, DONE -> throw DomainRuleViolation.conflict("already-accepted",
                    c.agencyId() + " accepted its part of " + orderId + " and can no longer return it");
            default -> apply(new DispatchOrderReturned(orderId, caseId, c.agencyId(), part.role(), c.reason(), c.note(),
                    returnCount + 1, c.returnedAt()));
        }
        return version();
    }

    @CommandHandler
    public long handle(ReassignDispatchOrder c) {
        requireOpen();
        Part part = returnedPartOf(c.returnedAgencyId());
        require(c.toAgencyId(), "toAgencyId", "A reassignment needs the agency it goes to");
        require(c.arbitratedBy(), "arbitratedBy", "Say who arbitrated");
        note(c.note());
        if (c.toAgencyId().equals(c.returnedAgencyId())) {
            throw DomainRuleViolation.invalid("reassign-to-same-agency", "toAgencyId",
                    "To give the part to the same agency again, uphold the dispatch (reissue) instead");
        }
        if (parts.containsKey(c.toAgencyId())) {
            throw DomainRuleViolation.invalid("agency-already-on-order", "toAgencyId",
                    c.toAgencyId() + " has a part in " + orderId + " already");
        }
        apply(new DispatchOrderReassigned(orderId, caseId, c.returnedAgencyId(), c.toAgencyId(), part.role(),
                c.arbitratedBy(), c.note(), c.reassignedAt()));
        return version();
    }

    @CommandHandler
    public long handle(ReissueDispatchOrder c) {
        requireOpen();
        Part part = returnedPartOf(c.returnedAgencyId());
        require(c.arbitratedBy(), "arbitratedBy", "Say who arbitrated");
        note(c.note());
        apply(new DispatchOrderReissued(orderId, caseId, c.returnedAgencyId(), part.role(), c.arbitratedBy(), c.note(),
                deadline, c.reissuedAt()));
        return version();
    }

    @CommandHandler
    public long handle(ReportHandling c, DeadlineManager deadlines) {
        requireOpen();
        Part part = partOf(c.agencyId());
        if (part.role() != AgencyRole.LEAD) {
            throw DomainRuleViolation.invalid("not-the-lead", "agencyId",
                    "Only the lead agency reports handling; an assisting agency confirms its part");
        }
        requireAccepted(c.agencyId(), part, "already-reported", "The lead reported its handling of " + orderId + " already");
        if (c.result() == null || !RESULTS.contains(c.result())) {
            throw DomainRuleViolation.invalid("result-invalid", "result", "The result must be one of " + RESULTS);
        }
        note(c.note());
        List<String> photos = c.photoUrls() == null ? List.of() : List.copyOf(c.photoUrls());
        if (photos.size() > MAX_PHOTOS) {
            throw DomainRuleViolation.invalid("too-many-photos", "photoUrls", "At most " + MAX_PHOTOS + " photos");
        }
        for (int i = 0; i < photos.size(); i++) {
            if (!isHttpUrl(photos.get(i))) {
                throw DomainRuleViolation.invalid("photo-url-invalid", "photoUrls[" + i + "]", "Not an http(s) URL: " + photos.get(i));
            }
        }
        apply(new DispatchOrderHandlingReported(orderId, caseId, c.agencyId(), c.result(), c.note(), photos, c.reportedAt()));
        completeIfAllDone(c.reportedAt(), deadlines);
        return version();
    }

    @CommandHandler
    public long handle(ConfirmAssistance c, DeadlineManager deadlines) {
        requireOpen();
        Part part = partOf(c.agencyId());
        if (part.role() != AgencyRole.ASSIST) {
            throw DomainRuleViolation.invalid("not-an-assistant", "agencyId",
                    "The lead reports handling; only assisting agencies confirm their part");
        }
        note(c.note());
        if (report == null) {
            throw DomainRuleViolation.conflict("lead-not-reported",
                    "The lead agency has not reported its handling of " + orderId + " yet; assistants confirm after it");
        }
        requireAccepted(c.agencyId(), part, "already-confirmed", c.agencyId() + " confirmed its part already");
        apply(new DispatchOrderAssistanceConfirmed(orderId, caseId, c.agencyId(), c.note(), c.confirmedAt()));
        completeIfAllDone(c.confirmedAt(), deadlines);
        return version();
    }

    @CommandHandler
    public long handle(RequestExtension c) {
        requireOpen();
        Part part = partOf(c.agencyId());
        if (part.role() != AgencyRole.LEAD) {
            throw DomainRuleViolation.invalid("not-the-lead", "agencyId", "Only the lead agency can ask for more time");
        }
        requireAccepted(c.agencyId(), part, "already-reported", "The lead reported its handling already");
        require(c.reason(), "reason", "An extension needs a reason");
        note(c.reason());
        if (c.requestedDeadline() == null || !c.requestedDeadline().isAfter(deadline)) {
            throw DomainRuleViolation.invalid("extension-not-later", "requestedDeadline",
                    "The requested deadline must be after the current one, " + deadline);
        }
        if (pendingExtension != null) {
            throw DomainRuleViolation.conflict("extension-pending", "An extension request awaits the street's decision already");
        }
        apply(new DispatchOrderExtensionRequested(orderId, caseId, c.agencyId(), c.reason(), c.requestedDeadline(), c.requestedAt()));
        return version();
    }

    @CommandHandler
    public long handle(ApproveExtension c, DeadlineManager deadlines, DeadlinePlanner planner) {
        requireOpen();
        requirePendingExtension();
        require(c.decidedBy(), "decidedBy", "Say who decided");
        Instant newDeadline = pendingExtension;
        Instant newWarning = planner.warningAt(startedAt, newDeadline);
        apply(new DispatchOrderExtensionApproved(orderId, caseId, c.decidedBy(), deadline, newDeadline, newWarning, c.approvedAt()));
        cancelClock(deadlines);
        scheduleClock(deadlines, newWarning, newDeadline);
        return version();
    }

    @CommandHandler
    public long handle(RefuseExtension c) {
        requireOpen();
        requirePendingExtension();
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
        apply(new DispatchOrderSentBackForRework(orderId, caseId, round, c.reworkRound(), leadAgencyId, c.reason(), c.sentBackAt()));
        cancelClock(deadlines);
        return plan(c.reworkRound());
    }

    @DeadlineHandler(deadlineName = WARNING_DEADLINE)
    void warningDue(DeadlineDue due) {
        // Fires once: not after handling, not twice, not for a warning an extension has moved.
        if (isClosed() || warned || !due.dueAt().equals(warningAt)) {
            return;
        }
        apply(new DispatchOrderDueSoon(orderId, caseId, leadAgencyId, deadline, due.dueAt()));
    }

    @DeadlineHandler(deadlineName = OVERDUE_DEADLINE)
    void deadlineDue(DeadlineDue due) {
        if (isClosed() || overdue || !due.dueAt().equals(deadline)) {
            return;
        }
        apply(new DispatchOrderOverdue(orderId, caseId, leadAgencyId, deadline, due.dueAt()));
        if (followedUpBy == EscalationLevel.STREET) {
            apply(new DispatchOrderEscalated(orderId, caseId, leadAgencyId, EscalationLevel.STREET, EscalationLevel.DISTRICT, due.dueAt()));
        }
    }

    private void completeIfAllDone(Instant at, DeadlineManager deadlines) {
        boolean allDone = parts.values().stream().allMatch(p -> p.state() == PartState.DONE);
        if (report != null && allDone) {
            apply(new DispatchOrderHandled(orderId, caseId, round, leadAgencyId, report.result(), report.note(),
                    report.photoUrls(), !at.isAfter(deadline), at));
            cancelClock(deadlines);
        }
    }

    private void scheduleClock(DeadlineManager deadlines, Instant warning, Instant due) {
        deadlines.schedule(warning, WARNING_DEADLINE, new DeadlineDue(warning));
        deadlines.schedule(due, OVERDUE_DEADLINE, new DeadlineDue(due));
    }

    private void cancelClock(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(WARNING_DEADLINE);
        deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
    }

    private ReworkPlan plan(int reworkRound) {
        List<String> assistants = new ArrayList<>();
        parts.forEach((id, p) -> {
            if (p.role() == AgencyRole.ASSIST) {
                assistants.add(id);
            }
        });
        return new ReworkPlan(caseId, reworkRound, routing.itemCode(), routing.itemClass(), routing.handlingType(),
                routing.persistentProblem(), routing.gridCode(), routing.streetCode(), leadAgencyId, routing.leadAgencyType(),
                assistants, routing.assistingAgencyTypes(), routing.followedUpBy(), startedAt, deadline);
    }

    // --- rules shared by the handlers

    private boolean isClosed() {
        return handled || sentBackInRework != null;
    }

    private void requireOpen() {
        if (handled) {
            throw DomainRuleViolation.conflict("order-handled", orderId + " has been handled; it takes no more actions");
        }
        if (sentBackInRework != null) {
            throw DomainRuleViolation.conflict("order-reworked", orderId + " was sent back for rework; act on the next round's order");
        }
    }

    private Part partOf(String agencyId) {
        require(agencyId, "agencyId", "Say which agency acts");
        Part part = parts.get(agencyId);
        if (part == null) {
            throw DomainRuleViolation.invalid("agency-not-on-order", "agencyId", agencyId + " has no part in " + orderId);
        }
        return part;
    }

    private Part returnedPartOf(String agencyId) {
        require(agencyId, "returnedAgencyId", "Say whose return is arbitrated");
        Part part = parts.get(agencyId);
        if (part == null) {
            throw DomainRuleViolation.invalid("agency-not-on-order", "returnedAgencyId", agencyId + " has no part in " + orderId);
        }
        if (part.state() != PartState.RETURNED) {
            throw DomainRuleViolation.conflict("no-return-to-arbitrate", agencyId + " has not returned its part of " + orderId);
        }
        return part;
    }

    private void requireAccepted(String agencyId, Part part, String doneCode, String doneMessage) {
        switch (part.state()) {
            case AWAITING_ACCEPTANCE -> throw DomainRuleViolation.conflict("not-accepted",
                    agencyId + " has not accepted its part of " + orderId);
            case RETURNED -> throw DomainRuleViolation.conflict("awaiting-arbitration",
                    agencyId + " returned its part of " + orderId + "; the street has to arbitrate first");
            case DONE -> throw DomainRuleViolation.conflict(doneCode, doneMessage);
            default -> {
            }
        }
    }

    private void requirePendingExtension() {
        if (pendingExtension == null) {
            throw DomainRuleViolation.conflict("no-extension-pending", "No extension request awaits a decision on " + orderId);
        }
    }

    private static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw DomainRuleViolation.invalid(field + "-missing", field, message);
        }
    }

    private static void note(String note) {
        if (note != null && note.length() > MAX_NOTE) {
            throw DomainRuleViolation.invalid("note-too-long", "note", "At most " + MAX_NOTE + " characters");
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }

    // --- state, rebuilt from the events

    @EventSourcingHandler
    void on(DispatchOrderIssued e) {
        orderId = e.orderId();
        caseId = e.caseId();
        round = e.round();
        leadAgencyId = e.leadAgencyId();
        parts.put(e.leadAgencyId(), new Part(AgencyRole.LEAD, PartState.AWAITING_ACCEPTANCE));
        e.assistingAgencyIds().forEach(a -> parts.put(a, new Part(AgencyRole.ASSIST, PartState.AWAITING_ACCEPTANCE)));
    }

    @EventSourcingHandler
    void on(DispatchOrderRouted e) {
        routing = new ReworkPlan(e.caseId(), e.round(), e.itemCode(), e.itemClass(), e.handlingType(), e.persistentProblem(),
                e.gridCode(), e.streetCode(), null, e.leadAgencyType(), List.of(), e.assistingAgencyTypes(),
                e.followedUpBy(), null, null);
        followedUpBy = e.followedUpBy();
    }

    @EventSourcingHandler
    void on(DispatchOrderTimerStarted e) {
        startedAt = e.startedAt();
        warningAt = e.warningAt();
        deadline = e.deadline();
    }

    @EventSourcingHandler
    void on(DispatchOrderAccepted e) {
        parts.computeIfPresent(e.agencyId(), (k, p) -> p.with(PartState.ACCEPTED));
    }

    @EventSourcingHandler
    void on(DispatchOrderReturned e) {
        parts.computeIfPresent(e.agencyId(), (k, p) -> p.with(PartState.RETURNED));
        returnCount = e.returnCount();
    }

    @EventSourcingHandler
    void on(DispatchOrderReassigned e) {
        Part old = parts.remove(e.fromAgencyId());
        parts.put(e.toAgencyId(), new Part(old.role(), PartState.AWAITING_ACCEPTANCE));
        if (e.role() == AgencyRole.LEAD) {
            leadAgencyId = e.toAgencyId();
        }
    }

    @EventSourcingHandler
    void on(DispatchOrderReissued e) {
        parts.computeIfPresent(e.agencyId(), (k, p) -> p.with(PartState.AWAITING_ACCEPTANCE));
    }

    @EventSourcingHandler
    void on(DispatchOrderHandlingReported e) {
        report = e;
        parts.computeIfPresent(e.agencyId(), (k, p) -> p.with(PartState.DONE));
    }

    @EventSourcingHandler
    void on(DispatchOrderAssistanceConfirmed e) {
        parts.computeIfPresent(e.agencyId(), (k, p) -> p.with(PartState.DONE));
    }

    @EventSourcingHandler
    void on(DispatchOrderHandled e) {
        handled = true;
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

    @EventSourcingHandler
    void on(DispatchOrderEscalated e) {
        followedUpBy = e.toLevel();
    }

    @EventSourcingHandler
    void on(DispatchOrderSentBackForRework e) {
        sentBackInRework = e.reworkRound();
    }
}
