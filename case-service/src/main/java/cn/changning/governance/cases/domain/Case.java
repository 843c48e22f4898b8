package cn.changning.governance.cases.domain;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.cases.CaseClosed;
import cn.changning.governance.contracts.cases.CaseDispatched;
import cn.changning.governance.contracts.cases.CaseDuplicateLinkRefused;
import cn.changning.governance.contracts.cases.CaseDuplicateLinked;
import cn.changning.governance.contracts.cases.CaseFeedbackRecorded;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseHandled;
import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.CaseRejected;
import cn.changning.governance.contracts.cases.CaseReopened;
import cn.changning.governance.contracts.cases.CaseReported;
import cn.changning.governance.contracts.cases.CaseReporterErased;
import cn.changning.governance.contracts.cases.CaseResolution;
import cn.changning.governance.contracts.cases.CaseResumed;
import cn.changning.governance.contracts.cases.CaseRoundDeadlineSet;
import cn.changning.governance.contracts.cases.CaseSentBackForRework;
import cn.changning.governance.contracts.cases.CaseSuspended;
import cn.changning.governance.contracts.cases.CaseVerified;
import cn.changning.governance.contracts.cases.RejectionReason;
import cn.changning.governance.reference.calendar.RoundDeadlines;
import cn.changning.governance.reference.calendar.WorkingCalendar;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.catalogue.ManagementItem;
import cn.changning.governance.reference.geography.GeoPoint;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Grid;
import cn.changning.governance.reference.geography.ResidentialArea;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A problem on the street and its way through the closed loop. Holds the rules only:
 * which step may follow which, and what each step needs. Reference data (catalogue, geography,
 * working calendar) comes in as handler parameters: Axon resolves them from the Spring context
 * in the service and from registered resources in tests, so the domain stays plain Java.
 *
 * <p>Command handlers return the aggregate's version after the command: the new ETag.
 */
public class Case {

    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_TEXT = 1000;
    /** A closed case may be reopened for this long after closing (e.g. a failed check by the resident). */
    public static final Duration REOPEN_WINDOW = Duration.ofDays(7);

    @AggregateIdentifier
    private String caseId;
    private CaseStep step;
    private String reportedItemCode;
    private CaseLocation location;
    private Instant deadline;
    /** Round 0's start and deadline: a later round gets the same working time (RoundDeadlines). */
    private Instant filedAt;
    private Instant firstDeadline;
    private int round;
    private String currentOrderId;
    private boolean verifiedFixed;
    private Instant closedAt;
    private boolean suspended;
    private Instant suspendedAt;
    private final Set<String> duplicates = new HashSet<>();
    /** While marked as a duplicate: the original named, and the step to go back to if it refuses the link. */
    private String duplicateOf;
    private CaseStep stepBeforeRejection;
    private boolean reporterErased;

    protected Case() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Case(ReportCase command) {
        if (command.description() == null || command.description().isBlank()) {
            throw DomainRuleViolation.invalid("description-missing", "description", "A report needs a description of the problem");
        }
        if (command.description().length() > MAX_DESCRIPTION) {
            throw DomainRuleViolation.invalid("description-too-long", "description",
                    "The description may have at most " + MAX_DESCRIPTION + " characters");
        }
        apply(new CaseReported(command.caseId(), command.itemCode(), command.location(), command.description(),
                command.source(), command.reporter(), command.reportedAt(), command.reportedBy()));
    }

    @CommandHandler
    public long handle(FileCase command, Catalogue catalogue, Geography geography, WorkingCalendar calendar) {
        requireStep("file", CaseStep.REPORTED);
        requireActor(command.filedBy(), "filedBy");
        String itemCode = command.itemCode() != null ? command.itemCode() : reportedItemCode;
        ManagementItem item = catalogue.find(itemCode).orElseThrow(() -> DomainRuleViolation.invalid(
                "unknown-item", "itemCode", "No management item " + itemCode + " in the catalogue"));
        Grid grid = geography.gridAt(GeoPoint.of(location.latitude(), location.longitude())).orElseThrow(
                () -> DomainRuleViolation.invalid("location-outside-grids", "location",
                        "The location (" + location.latitude() + ", " + location.longitude()
                                + ") lies outside every responsibility grid of the district"));
        String areaCode = command.residentialAreaCode();
        if (areaCode != null) {
            ResidentialArea area = geography.residentialArea(areaCode).orElseThrow(() -> DomainRuleViolation.invalid(
                    "unknown-residential-area", "residentialAreaCode", "No residential area " + areaCode));
            if (!area.gridCode().equals(grid.code())) {
                throw DomainRuleViolation.invalid("residential-area-outside-grid", "residentialAreaCode",
                        "Residential area " + areaCode + " is in grid " + area.gridCode()
                                + ", but the location is in grid " + grid.code());
            }
        }
        apply(new CaseFiled(caseId, item.code(), item.itemClass().name(), item.handlingType().name(),
                item.persistentProblem(), grid.code(), grid.subdistrictCode(),
                calendar.deadline(command.filedAt(), item.timeLimit()), command.filedBy(), command.filedAt(), areaCode));
        return version();
    }

    @CommandHandler
    public long handle(RejectCase command) {
        requireStep("reject", CaseStep.REPORTED);
        requireActor(command.rejectedBy(), "rejectedBy");
        if (command.reason() == null) {
            throw DomainRuleViolation.invalid("reason-missing", "reason", "A rejection needs a reason");
        }
        if (command.reason() == RejectionReason.DUPLICATE) {
            throw DomainRuleViolation.invalid("duplicate-needs-original", "reason",
                    "A duplicate is marked with mark-duplicate, naming the original case");
        }
        apply(new CaseRejected(caseId, command.reason(), null, text(command.note(), "note"), command.rejectedBy(),
                command.rejectedAt()));
        return version();
    }

    /**
     * Marks the case as a duplicate of another: a report, or a filed case not yet handled. The original
     * learns of it from the event and checks its own state (the duplicate policy); if it refuses, the
     * case comes back to where it was ({@link RefuseDuplicateLink}), so there is never a half-link.
     */
    @CommandHandler
    public long handle(MarkCaseAsDuplicate command) {
        if (step != CaseStep.REPORTED && step != CaseStep.FILED && step != CaseStep.DISPATCHED) {
            throw DomainRuleViolation.conflict("case-not-duplicable",
                    "Only a report or a filed case not yet handled can be marked as a duplicate; this one is " + step);
        }
        requireActor(command.markedBy(), "markedBy");
        if (command.originalCaseId() == null || command.originalCaseId().isBlank()) {
            throw DomainRuleViolation.invalid("original-missing", "originalCaseId", "A duplicate needs its original case");
        }
        if (command.originalCaseId().equals(caseId)) {
            throw DomainRuleViolation.invalid("duplicate-of-itself", "originalCaseId", "A case cannot duplicate itself");
        }
        apply(new CaseRejected(caseId, RejectionReason.DUPLICATE, command.originalCaseId(),
                text(command.note(), "note"), command.markedBy(), command.markedAt()));
        return version();
    }

    /** From the duplicate policy, on the duplicate: its original refused the link. A retried refusal changes nothing. */
    @CommandHandler
    public long handle(RefuseDuplicateLink command) {
        if (step == CaseStep.REJECTED && command.originalCaseId().equals(duplicateOf)) {
            apply(new CaseDuplicateLinkRefused(caseId, command.originalCaseId(), command.reason(), stepBeforeRejection.name(),
                    command.refusedAt()));
        }
        return version();
    }

    @CommandHandler
    public long handle(LinkDuplicateCase command) {
        if (!step.isOpen()) {
            throw DomainRuleViolation.conflict("original-not-open",
                    "Case " + caseId + " is " + step + "; only an open case can be the original of a duplicate");
        }
        if (!duplicates.contains(command.duplicateCaseId())) { // a retried link changes nothing
            apply(new CaseDuplicateLinked(caseId, command.duplicateCaseId(), command.linkedBy(), command.linkedAt()));
        }
        return version();
    }

    /** From the dispatch policy: a stale round or a redelivered order changes nothing. */
    @CommandHandler
    public long handle(MarkCaseDispatched command) {
        if (command.round() < round || command.orderId().equals(currentOrderId)) {
            return version();
        }
        if (step == CaseStep.REJECTED) {
            throw DomainRuleViolation.conflict("case-rejected", "A rejected case is never dispatched");
        }
        if (command.round() > round || !step.awaitsDispatch()) {
            throw DomainRuleViolation.conflict("case-not-awaiting-dispatch",
                    "Case is " + step + " in round " + round + "; an order for round " + command.round() + " does not fit");
        }
        apply(new CaseDispatched(caseId, command.orderId(), command.round(), command.leadAgencyId(),
                command.assistingAgencyIds(), command.dispatchedAt()));
        return version();
    }

    /** From the dispatch policy: a stale round or a redelivered report changes nothing. */
    @CommandHandler
    public long handle(MarkCaseHandled command) {
        if (command.round() < round) {
            return version();
        }
        if (command.round() == round && step.awaitsDispatch()) {
            // The handled report came before the case heard of the order: it was dispatched, then handled.
            apply(new CaseDispatched(caseId, command.orderId(), command.round(), command.leadAgencyId(), List.of(),
                    command.handledAt()));
            apply(new CaseHandled(caseId, command.orderId(), command.round(), command.leadAgencyId(), command.result(),
                    command.onTime(), command.handledAt()));
            return version();
        }
        boolean thisOrder = command.orderId().equals(currentOrderId) && command.round() == round;
        if (thisOrder && step != CaseStep.DISPATCHED) {
            return version(); // already handled (and perhaps verified or closed since)
        }
        if (!thisOrder || step != CaseStep.DISPATCHED) {
            throw DomainRuleViolation.conflict("case-not-dispatched",
                    "Case is " + step + " in round " + round + " with order " + currentOrderId
                            + "; order " + command.orderId() + " of round " + command.round() + " cannot be handled");
        }
        apply(new CaseHandled(caseId, command.orderId(), command.round(), command.leadAgencyId(), command.result(),
                command.onTime(), command.handledAt()));
        return version();
    }

    @CommandHandler
    public long handle(VerifyCase command) {
        requireActive("verify", CaseStep.HANDLED);
        requireActor(command.verifiedBy(), "verifiedBy");
        apply(new CaseVerified(caseId, round, command.fixed(), text(command.note(), "note"), command.verifiedBy(),
                command.verifiedAt()));
        return version();
    }

    @CommandHandler
    public long handle(CloseCase command) {
        requireActive("close", CaseStep.VERIFIED);
        requireActor(command.closedBy(), "closedBy");
        if (command.resolution() == null) {
            throw DomainRuleViolation.invalid("resolution-missing", "resolution", "Say whether the case is FIXED or CLOSED_NOT_FIXED");
        }
        if (command.resolution() == CaseResolution.FIXED && !verifiedFixed) {
            throw DomainRuleViolation.conflict("verification-found-not-fixed",
                    "The on-site check found the problem not fixed: send it back for rework or close it as not fixed");
        }
        apply(new CaseClosed(caseId, command.resolution(), text(command.note(), "note"), round,
                RoundDeadlines.onTime(command.closedAt(), deadline), command.closedBy(), command.closedAt()));
        return version();
    }

    @CommandHandler
    public long handle(SendCaseBackForRework command, RoundDeadlines roundDeadlines) {
        requireActive("send back for rework", CaseStep.VERIFIED);
        requireActor(command.verifiedBy(), "verifiedBy");
        if (verifiedFixed) {
            throw DomainRuleViolation.conflict("verification-found-fixed",
                    "The on-site check found the problem fixed; close the case instead");
        }
        requireText(command.reason(), "reason", "A rework needs a reason");
        apply(new CaseSentBackForRework(caseId, round + 1, command.reason(), command.verifiedBy(), command.sentBackAt()));
        startRound(roundDeadlines, command.sentBackAt());
        return version();
    }

    @CommandHandler
    public long handle(RecordFeedback command) {
        if (step == CaseStep.ASSESSED) {
            throw DomainRuleViolation.conflict("feedback-already-recorded", "The resident's feedback on this case is recorded already");
        }
        requireStep("record feedback on", CaseStep.CLOSED);
        requireActor(command.recordedBy(), "recordedBy");
        if (command.satisfaction() == null) {
            throw DomainRuleViolation.invalid("satisfaction-missing", "satisfaction",
                    "Feedback needs SATISFIED, BASICALLY_SATISFIED or DISSATISFIED");
        }
        apply(new CaseFeedbackRecorded(caseId, command.satisfaction(), text(command.comment(), "comment"),
                command.recordedBy(), command.recordedAt()));
        return version();
    }

    @CommandHandler
    public long handle(ReopenCase command, RoundDeadlines roundDeadlines) {
        if (step != CaseStep.CLOSED && step != CaseStep.ASSESSED) {
            throw DomainRuleViolation.conflict("case-not-closed", "Only a closed case can be reopened; this one is " + step);
        }
        if (command.reopenedAt().isAfter(closedAt.plus(REOPEN_WINDOW))) {
            throw DomainRuleViolation.conflict("reopen-window-passed",
                    "A case can be reopened up to " + REOPEN_WINDOW.toDays() + " days after closing; it was closed at " + closedAt);
        }
        requireActor(command.reopenedBy(), "reopenedBy");
        requireText(command.reason(), "reason", "Reopening needs a reason");
        apply(new CaseReopened(caseId, round + 1, command.reason(), command.reopenedBy(), command.reopenedAt()));
        startRound(roundDeadlines, command.reopenedAt());
        return version();
    }

    /** From the dispatch policy: the round's order was granted more time. Another round's order or the same deadline changes nothing. */
    @CommandHandler
    public long handle(SetRoundDeadline command) {
        if (command.orderId().equals(currentOrderId) && step.isOpen() && command.deadline() != null
                && !command.deadline().equals(deadline)) {
            apply(new CaseRoundDeadlineSet(caseId, round, command.deadline(), CaseRoundDeadlineSet.DeadlineChange.EXTENSION,
                    command.setAt()));
        }
        return version();
    }

    /** A new round is due by the one rule both services use: round 0's working time again, from now. */
    private void startRound(RoundDeadlines roundDeadlines, Instant at) {
        if (filedAt != null && firstDeadline != null) {
            apply(new CaseRoundDeadlineSet(caseId, round, roundDeadlines.nextRound(at, filedAt, firstDeadline),
                    CaseRoundDeadlineSet.DeadlineChange.NEW_ROUND, at));
        }
    }

    @CommandHandler
    public long handle(SuspendCase command) {
        if (suspended) {
            throw DomainRuleViolation.conflict("case-suspended", "The case is on hold already");
        }
        if (step == CaseStep.REPORTED || !step.isOpen()) {
            throw DomainRuleViolation.conflict("case-not-suspendable", "Only a filed, open case can be put on hold; this one is " + step);
        }
        requireActor(command.suspendedBy(), "suspendedBy");
        requireText(command.reason(), "reason", "A hold needs a reason");
        requireText(command.approvedBy(), "approvedBy", "A hold needs the approver");
        apply(new CaseSuspended(caseId, command.reason(), command.approvedBy(), command.suspendedBy(), command.suspendedAt()));
        return version();
    }

    @CommandHandler
    public long handle(ResumeCase command, RoundDeadlines roundDeadlines) {
        if (!suspended) {
            throw DomainRuleViolation.conflict("case-not-suspended", "The case is not on hold");
        }
        requireActor(command.resumedBy(), "resumedBy");
        // The clock stopped during the hold: the deadline moves on by the working time it lasted.
        Instant moved = roundDeadlines.afterHold(deadline, suspendedAt, command.resumedAt());
        apply(new CaseResumed(caseId, moved, command.resumedBy(), command.resumedAt()));
        return version();
    }

    /**
     * Records that the reporter's key was destroyed (the API destroys it first, so a failure in between leaves the
     * data erased and a retry records it). Allowed in every step; once recorded, nothing more (idempotent). The
     * case's step, deadlines and counts are untouched.
     */
    @CommandHandler
    public long handle(RecordCaseReporterErasure command) {
        requireActor(command.erasedBy(), "erasedBy");
        if (!reporterErased) {
            apply(new CaseReporterErased(caseId, ReporterData.subject(caseId), command.erasedAt(), command.erasedBy()));
        }
        return version();
    }

    @EventSourcingHandler
    void on(CaseReporterErased event) {
        reporterErased = true;
    }

    @EventSourcingHandler
    void on(CaseReported event) {
        caseId = event.caseId();
        step = CaseStep.REPORTED;
        reportedItemCode = event.itemCode();
        location = event.location();
    }

    @EventSourcingHandler
    void on(CaseFiled event) {
        step = CaseStep.FILED;
        deadline = event.deadline();
        filedAt = event.filedAt();
        firstDeadline = event.deadline();
    }

    @EventSourcingHandler
    void on(CaseRejected event) {
        stepBeforeRejection = step;
        duplicateOf = event.duplicateOf();
        step = CaseStep.REJECTED;
    }

    @EventSourcingHandler
    void on(CaseDuplicateLinkRefused event) {
        step = CaseStep.valueOf(event.stepRestored());
        duplicateOf = null;
    }

    @EventSourcingHandler
    void on(CaseRoundDeadlineSet event) {
        deadline = event.deadline();
    }

    @EventSourcingHandler
    void on(CaseDuplicateLinked event) {
        duplicates.add(event.duplicateCaseId());
    }

    @EventSourcingHandler
    void on(CaseDispatched event) {
        step = CaseStep.DISPATCHED;
        currentOrderId = event.orderId();
    }

    @EventSourcingHandler
    void on(CaseHandled event) {
        step = CaseStep.HANDLED;
    }

    @EventSourcingHandler
    void on(CaseVerified event) {
        step = CaseStep.VERIFIED;
        verifiedFixed = event.fixed();
    }

    @EventSourcingHandler
    void on(CaseSentBackForRework event) {
        step = CaseStep.SENT_BACK;
        round = event.reworkRound();
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        step = CaseStep.CLOSED;
        closedAt = event.closedAt();
    }

    @EventSourcingHandler
    void on(CaseFeedbackRecorded event) {
        step = CaseStep.ASSESSED;
    }

    @EventSourcingHandler
    void on(CaseReopened event) {
        step = CaseStep.REOPENED;
        round = event.reworkRound();
        closedAt = null;
    }

    @EventSourcingHandler
    void on(CaseSuspended event) {
        suspended = true;
        suspendedAt = event.suspendedAt();
    }

    @EventSourcingHandler
    void on(CaseResumed event) {
        suspended = false;
        suspendedAt = null;
        deadline = event.deadline();
    }

    CaseStep step() {
        return step;
    }

    private void requireStep(String action, CaseStep required) {
        if (step != required) {
            throw DomainRuleViolation.conflict("case-not-" + required.name().toLowerCase().replace('_', '-'),
                    "Cannot " + action + " a case that is " + step + "; it must be " + required);
        }
    }

    /** A step on hold does not move until resumed. */
    private void requireActive(String action, CaseStep required) {
        if (suspended) {
            throw DomainRuleViolation.conflict("case-suspended", "Cannot " + action + " a case on hold; resume it first");
        }
        requireStep(action, required);
    }

    private static void requireActor(String actor, String field) {
        requireText(actor, field, "Say who does this (" + field + ")");
    }

    private static void requireText(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw DomainRuleViolation.invalid(field + "-missing", field, message);
        }
        text(value, field);
    }

    private static String text(String value, String field) {
        if (value != null && value.length() > MAX_TEXT) {
            throw DomainRuleViolation.invalid(field + "-too-long", field, field + " may have at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }
}
