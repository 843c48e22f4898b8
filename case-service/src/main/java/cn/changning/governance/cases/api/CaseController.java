package cn.changning.governance.cases.api;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import cn.changning.governance.common.web.Identifiers;
import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.cases.domain.CaseStep;
import cn.changning.governance.cases.domain.CloseCase;
import cn.changning.governance.cases.domain.FileCase;
import cn.changning.governance.cases.domain.MarkCaseAsDuplicate;
import cn.changning.governance.cases.domain.RecordFeedback;
import cn.changning.governance.cases.domain.RejectCase;
import cn.changning.governance.cases.domain.ReopenCase;
import cn.changning.governance.cases.domain.ReportCase;
import cn.changning.governance.cases.domain.ResumeCase;
import cn.changning.governance.cases.domain.SendCaseBackForRework;
import cn.changning.governance.cases.domain.SuspendCase;
import cn.changning.governance.cases.domain.VerifyCase;
import cn.changning.governance.cases.projection.CaseHistory;
import cn.changning.governance.cases.projection.CaseQueries;
import cn.changning.governance.cases.projection.CaseStats;
import cn.changning.governance.cases.projection.CaseView;
import cn.changning.governance.common.idempotency.IdempotencyKey;
import cn.changning.governance.common.web.ActionAnswer;
import cn.changning.governance.common.web.ETags;
import cn.changning.governance.common.web.ExpectedVersion;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.ReportSource;
import cn.changning.governance.contracts.cases.SealedReporter;
import cn.changning.governance.cases.domain.ReporterData;
import cn.changning.governance.common.personaldata.ErasedSubjectException;
import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.reference.catalogue.ItemClass;
import cn.changning.governance.reference.geography.GeoPoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static cn.changning.governance.cases.api.CaseActionRequests.*;

@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "Problems on the street through the six-step closed loop")
public class CaseController {

    private static final String IF_MATCH_DOC = "Required. The case's ETag as last read (e.g. \"3\"), or * for any current version; "
            + "without it the action is refused with 428, a stale one with 412 (the problem gives the current version)";

    private final CommandGateway commands;
    private final CaseQueries queries;
    private final CaseHistory history;
    private final Clock clock;
    private final CaseAccess access;
    private final PersonalData personalData;

    public CaseController(CommandGateway commands, CaseQueries queries, CaseHistory history, Clock clock,
                          PersonalData personalData) {
        this.commands = commands;
        this.personalData = personalData;
        this.queries = queries;
        this.history = history;
        this.clock = clock;
        this.access = new CaseAccess(queries, history, clock);
    }

    public record CaseCreated(String caseId, long version) {
    }

    /** The answer to an action: the case's new version, also sent as ETag. */
    public record CaseUpdated(String caseId, long version) {
    }

    @PostMapping
    @RequiresScope(Scopes.CASES_REPORT)
    @Operation(summary = "Report a problem (step 1)",
            description = "Accepted once stored; readable at once by its id, in lists shortly after. The reporter's name and contact are "
                    + "sealed before anything records them (GET /{caseId}/reporter reads them). With an Idempotency-Key, "
                    + "repeating the request answers the first answer again instead of reporting a second case.")
    public ResponseEntity<CaseCreated> report(
            Actor actor,
            @Valid @RequestBody ReportCaseRequest request,
            IdempotencyKey idempotencyKey) {
        // The common filter answers a repeated key; a retry that took over the key of a crashed request runs here again
        // and must meet the case that request reported: the id follows from the client, the key and the request.
        String caseId = idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey.derivedId("case").toString();
        ReportCaseRequest.Location l = request.location();
        SealedReporter reporter;
        try {
            reporter = sealed(caseId, request.reporter());
        } catch (ErasedSubjectException erased) {
            // Only a case reported before (this key's crashed run) can have an erased reporter: answer as the first time.
            return created(caseId);
        }
        ReportCase command = new ReportCase(caseId, request.itemCode(),
                new CaseLocation(l.latitude(), l.longitude(), l.gridCode(), l.address()),
                request.description(), request.source(), reporter, clock.instant(), actor.clientId());
        try {
            commands.sendAndWait(command);
        } catch (AggregateStreamCreationException alreadyReported) {
            if (idempotencyKey == null) {
                throw alreadyReported;
            }
            // This client's key and request reported it before (a crashed run): answer as the first time.
        }
        return created(caseId);
    }

    private static ResponseEntity<CaseCreated> created(String caseId) {
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId))
                .eTag(ETags.of(0))
                .body(new CaseCreated(caseId, 0));
    }

    /** Sealed here, before the command: nothing after this point (command, store, topic, logs) holds them in clear. */
    private SealedReporter sealed(String caseId, ReportCaseRequest.Reporter reporter) {
        if (reporter == null || (blank(reporter.name()) && blank(reporter.contact()))) {
            return null;
        }
        String subject = ReporterData.subject(caseId);
        return new SealedReporter(
                blank(reporter.name()) ? null : personalData.seal(subject, ReporterData.NAME, reporter.name()),
                blank(reporter.contact()) ? null : personalData.seal(subject, ReporterData.CONTACT, reporter.contact()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @GetMapping
    @RequiresScope(Scopes.CASES_READ)
    @Operation(summary = "Cases, filtered and paged, newest report first", description = "Every filter is optional; "
            + "overdue=true: open, not on hold and past the deadline; q: text in the description or address.")
    public Page<CaseView> list(
            Actor actor,
            @RequestParam(required = false) CaseStep step,
            @Parameter(description = "9-digit street code") @RequestParam(required = false) @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String street,
            @Parameter(description = "15-digit grid code") @RequestParam(required = false) @Pattern(regexp = Identifiers.GRID, message = Identifiers.GRID_MESSAGE) String grid,
            @Parameter(description = "12-digit residential area code") @RequestParam(required = false) @Pattern(regexp = Identifiers.RESIDENTIAL_AREA, message = Identifiers.RESIDENTIAL_AREA_MESSAGE) String residentialArea,
            @Parameter(description = "4-digit item code") @RequestParam(required = false) @Pattern(regexp = Identifiers.ITEM, message = Identifiers.ITEM_MESSAGE) String item,
            @RequestParam(name = "class", required = false) ItemClass itemClass,
            @RequestParam(required = false) ReportSource source,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Boolean suspended,
            @Parameter(description = "Reported at or after (ISO-8601 instant)") @RequestParam(required = false) Instant from,
            @Parameter(description = "Reported before (ISO-8601 instant)") @RequestParam(required = false) Instant to,
            @Parameter(description = "Text in the description or address") @RequestParam(required = false) @Size(max = Identifiers.MAX_QUERY_TEXT) String q,
            PageQuery page) {
        CaseQueries.Filter filter = new CaseQueries.Filter(step == null ? null : step.name(), street, grid,
                residentialArea, item, itemClass == null ? null : itemClass.name(), source, overdue, suspended, from, to, q, null);
        return CaseAccess.narrowed(actor, filter).map(f -> queries.list(f, page, clock.instant()))
                .orElseGet(() -> new Page<>(List.of(), page.page(), page.size(), 0));
    }

    @GetMapping("/stats")
    @RequiresScope(Scopes.CASES_READ)
    @Operation(summary = "Counts by step × street × grid × item class (pre-aggregated)",
            description = "Only combinations with cases are listed; every filter narrows them.")
    public CaseStats stats(Actor actor,
                           @RequestParam(required = false) CaseStep step,
                           @RequestParam(required = false) @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String street,
                           @RequestParam(required = false) @Pattern(regexp = Identifiers.GRID, message = Identifiers.GRID_MESSAGE) String grid,
                           @RequestParam(name = "class", required = false) ItemClass itemClass) {
        return queries.stats(step == null ? null : step.name(), CaseAccess.statsStreet(actor, street), grid,
                itemClass == null ? null : itemClass.name());
    }

    @GetMapping("/{caseId}")
    @RequiresScope(Scopes.CASES_READ)
    @Operation(summary = "One case, with its version as ETag",
            description = "With asOf, the case as it stood at that instant, rebuilt from its events. Without, the read "
                    + "model's case; one reported a moment ago is rebuilt from its events until the read model has it.")
    public ResponseEntity<CaseView> findCase(
            Actor actor,
            @PathVariable String caseId,
            @Parameter(description = "ISO-8601 instant, e.g. 2026-11-27T02:00:00Z") @RequestParam(required = false) Instant asOf) {
        // Without asOf: the read model's case, or, for one reported a moment ago that it has not seen yet, the case
        // folded from its events; a create is readable at once.
        CaseView view = asOf == null ? access.visible(actor, caseId) : history.asOf(caseId, asOf)
                .filter(v -> CaseAccess.sees(actor, v))
                .orElseThrow(() -> new NotFoundException("case", caseId));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @GetMapping("/{caseId}/timeline")
    @RequiresScope(Scopes.CASES_READ)
    @Operation(summary = "Every event of a case: what, who, when", description = "With asOf, the timeline up to that instant.")
    public ResponseEntity<CaseView.Timeline> timeline(Actor actor, @PathVariable String caseId,
                                                      @RequestParam(required = false) Instant asOf) {
        access.visible(actor, caseId);
        CaseView.Timeline timeline = (asOf == null ? queries.timeline(caseId) : history.timelineAsOf(caseId, asOf))
                .orElseThrow(() -> new NotFoundException("case", caseId));
        return ResponseEntity.ok().eTag(ETags.of(timeline.version())).body(timeline);
    }

    @GetMapping("/{caseId}/duplicate-candidates")
    @RequiresScope(Scopes.CASES_READ)
    @Operation(summary = "Open cases that may be the same problem",
            description = "Open cases of the same item within 50 m, reported in the last 30 days, nearest first. "
                    + "Give itemCode to look under another item than the reported one. Paged.")
    public Page<CaseView> duplicateCandidates(Actor actor, @PathVariable String caseId,
                                              @RequestParam(required = false) @Pattern(regexp = Identifiers.ITEM, message = Identifiers.ITEM_MESSAGE) String itemCode,
                                              PageQuery page) {
        CaseView view = access.visible(actor, caseId);
        return Page.of(queries.duplicateCandidates(caseId, itemCode != null ? itemCode : view.itemCode(),
                GeoPoint.of(view.location().latitude(), view.location().longitude()), clock.instant())
                .stream().filter(candidate -> CaseAccess.sees(actor, candidate)).toList(), page);
    }

    @PostMapping("/{caseId}/file")
    @RequiresScope(Scopes.CASES_HANDLE)
    @Operation(summary = "File a report (step 2)", description = "Checks the item against the catalogue, assigns the "
            + "grid the location lies in and sets the deadline from the item's time limit on the working calendar.")
    public ResponseEntity<CaseUpdated> file(Actor actor, @PathVariable String caseId, @Valid @RequestBody FileRequest request,
                                            @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        access.visible(actor, caseId);
        return act(caseId, new FileCase(caseId, request.itemCode(), request.residentialAreaCode(), actor.asActor("filedBy", request.filedBy()),
                clock.instant(), expected.value()));
    }

    @PostMapping("/{caseId}/reject")
    @RequiresScope(Scopes.CASES_HANDLE)
    @Operation(summary = "Reject a report as invalid or out of scope (step 2)")
    public ResponseEntity<CaseUpdated> reject(Actor actor, @PathVariable String caseId, @Valid @RequestBody RejectRequest request,
                                              @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        access.visible(actor, caseId);
        return act(caseId, new RejectCase(caseId, request.reason(), request.note(), actor.asActor("rejectedBy", request.rejectedBy()), clock.instant(),
                expected.value()));
    }

    @PostMapping("/{caseId}/mark-duplicate")
    @RequiresScope(Scopes.CASES_HANDLE)
    @Operation(summary = "Mark a report, or a filed case not yet handled, as a duplicate of an open case (step 2)",
            description = "This case names the original at once; the original then lists it among its duplicates, "
                    + "once it has checked that it is itself open. If it is not (closed, rejected, unknown), this "
                    + "case comes back to the step it had, with the reason on its timeline. A duplicate's dispatch "
                    + "order, if it had one, is withdrawn.")
    public ResponseEntity<CaseUpdated> markDuplicate(Actor actor, @PathVariable String caseId, @Valid @RequestBody MarkDuplicateRequest request,
                                                     @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        access.visible(actor, caseId);
        if (access.hiddenFrom(actor, request.originalCaseId())) {
            throw new NotFoundException("case", request.originalCaseId());
        }
        return act(caseId, new MarkCaseAsDuplicate(caseId, request.originalCaseId(), request.note(), actor.asActor("markedBy", request.markedBy()),
                clock.instant(), expected.value()));
    }

    @PostMapping("/{caseId}/verify")
    @RequiresScope(Scopes.CASES_HANDLE)
    @Operation(summary = "Record the on-site check of a handled case (step 5)")
    public ResponseEntity<CaseUpdated> verify(Actor actor, @PathVariable String caseId, @Valid @RequestBody VerifyRequest request,
                                              @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        access.visible(actor, caseId);
        return act(caseId, new VerifyCase(caseId, request.fixed(), request.note(), actor.asActor("verifiedBy", request.verifiedBy()), clock.instant(),
                expected.value()));
    }

    @PostMapping("/{caseId}/close")
    @RequiresScope(Scopes.CASES_HANDLE)
    @Operation(summary = "Close a verified case: FIXED, or CLOSED_NOT_FIXED (step 5)")
    public ResponseEntity<CaseUpdated> close(Actor actor, @PathVariable String caseId, @Valid @RequestBody CloseRequest request,
                                             @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        access.visible(actor, caseId);
        return act(caseId, new CloseCase(caseId, request.resolution(), request.note(), actor.asActor("closedBy", request.closedBy()), clock.instant(),
                expected.value()));
    }

    @PostMapping("/{caseId}/send-back")
    @RequiresScope(Scopes.CASES_HANDLE)
    @Operation(summary = "Send a case whose check found it not fixed back for rework (step 5 failed)")
    public ResponseEntity<CaseUpdated> sendBack(Actor actor, @PathVariable String caseId, @Valid @RequestBody SendBackRequest request,
                                                @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        access.visible(actor, caseId);
        return act(caseId, new SendCaseBackForRework(caseId, request.reason(), actor.asActor("verifiedBy", request.verifiedBy()), clock.instant(),
                expected.value()));
    }

    @PostMapping("/{caseId}/feedback")
    @RequiresScope(Scopes.CASES_HANDLE)
    @Operation(summary = "Record the resident's feedback on a closed case (step 6)")
    public ResponseEntity<CaseUpdated> feedback(Actor actor, @PathVariable String caseId, @Valid @RequestBody FeedbackRequest request,
                                                @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        access.visible(actor, caseId);
        return act(caseId, new RecordFeedback(caseId, request.satisfaction(), request.comment(), actor.asActor("recordedBy", request.recordedBy()),
                clock.instant(), expected.value()));
    }

    @PostMapping("/{caseId}/reopen")
    @RequiresScope(Scopes.CASES_HANDLE)
    @Operation(summary = "Reopen a closed case within 7 days of closing; it goes back to dispatch")
    public ResponseEntity<CaseUpdated> reopen(Actor actor, @PathVariable String caseId, @Valid @RequestBody ReopenRequest request,
                                              @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        access.visible(actor, caseId);
        return act(caseId, new ReopenCase(caseId, request.reason(), actor.asActor("reopenedBy", request.reopenedBy()), clock.instant(),
                expected.value()));
    }

    @PostMapping("/{caseId}/suspend")
    @RequiresScope(Scopes.CASES_HANDLE)
    @Operation(summary = "Put a filed, open case on long-term hold, with reason and approver")
    public ResponseEntity<CaseUpdated> suspend(Actor actor, @PathVariable String caseId, @Valid @RequestBody SuspendRequest request,
                                               @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        access.visible(actor, caseId);
        return act(caseId, new SuspendCase(caseId, request.reason(), request.approvedBy(), actor.asActor("suspendedBy", request.suspendedBy()),
                clock.instant(), expected.value()));
    }

    @PostMapping("/{caseId}/resume")
    @RequiresScope(Scopes.CASES_HANDLE)
    @Operation(summary = "End a hold; the deadline moves on by the working time spent on hold")
    public ResponseEntity<CaseUpdated> resume(Actor actor, @PathVariable String caseId, @Valid @RequestBody ResumeRequest request,
                                              @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        access.visible(actor, caseId);
        return act(caseId, new ResumeCase(caseId, actor.asActor("resumedBy", request.resumedBy()), clock.instant(), expected.value()));
    }

    private ResponseEntity<CaseUpdated> act(String caseId, Object command) {
        return ActionAnswer.of(commands.sendAndWait(command), version -> new CaseUpdated(caseId, version));
    }
}
