package cn.changning.governance.dispatch.api;

import jakarta.validation.constraints.Pattern;
import cn.changning.governance.common.web.Identifiers;
import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.common.web.ActionAnswer;
import cn.changning.governance.common.web.ETags;
import cn.changning.governance.common.web.ExpectedVersion;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.dispatch.domain.DispatchCommands;
import cn.changning.governance.dispatch.projection.DispatchQueries;
import cn.changning.governance.dispatch.projection.DispatchViews.AgencyPair;
import cn.changning.governance.dispatch.projection.DispatchViews.OrderDetail;
import cn.changning.governance.dispatch.projection.DispatchViews.OrderSummary;
import cn.changning.governance.dispatch.projection.OrderState;
import cn.changning.governance.dispatch.projection.Visibility;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/**
 * Dispatch orders: the lists (paged) and one POST per agency or street action. Every action requires If-Match with
 * the order's version (its ETag) or {@code *}, and answers with the new version: without the header 428, a version
 * that is not the current one 412 (see {@code ExpectedVersion} in common web).
 *
 * <p>Who acts is the caller of the token ({@link ActingParty} for the agencies' actions, the caller's client id for the
 * street's and district's decisions). Only what the caller may see is served ({@link CallerAccess}): an order it may
 * not see answers 404 to a read and to every action, as an unknown one does, and the lists hold only what it sees.
 * The check reads the order read model, so an order just issued is not yet visible to its street or agencies until
 * the read model has it; the district centre, which sees every order, is not held up by it.</p>
 */
@RestController
@RequestMapping("/api/v1/dispatch-orders")
@Tag(name = "Dispatch orders", description = "Orders to stationed agencies: accept, return, arbitrate, report, confirm, extend")
public class DispatchOrderController {

    static final String IF_MATCH_DOC = "Required. The order's ETag as read (e.g. \"3\"), or * for any current version; "
            + "without it the action is refused with 428, and with 412 if the order changed since (the problem gives the current version)";

    static final String LIST_DOC = "Only the orders the caller may see: a street centre its street's, an agency those it has or "
            + "had a part in, the district centre and departments all. The parameters narrow that further; one naming "
            + "another street or agency than the caller sees gives an empty page, not an error.";

    private final CommandGateway commands;
    private final DispatchQueries queries;
    private final ActingParty acting;
    private final Clock clock;

    public DispatchOrderController(CommandGateway commands, DispatchQueries queries, AgencyDirectory agencies, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.acting = new ActingParty(agencies);
        this.clock = clock;
    }

    /** What an action answers: the order and its version after the action (also the ETag). */
    public record ActionResult(String orderId, long version) {
    }

    @GetMapping
    @RequiresScope(Scopes.DISPATCH_READ)
    @Operation(summary = "Dispatch orders, newest first, filtered and paged, with the total",
            description = "The orders behind each count of a street's board: state=AWAITING_ARBITRATION, overdue=true, "
                    + "pendingExtension=true, escalated=true, each with streetCode. " + LIST_DOC)
    public Page<OrderSummary> list(Actor actor,
                                   @RequestParam(required = false) @Pattern(regexp = Identifiers.ID, message = Identifiers.ID_MESSAGE) String agencyId,
                                   @RequestParam(required = false) @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String streetCode,
                                   @RequestParam(required = false) OrderState state,
                                   @Parameter(description = "true: open orders past their deadline; false: the others")
                                   @RequestParam(required = false) Boolean overdue,
                                   @Parameter(description = "true: open orders with an extension request awaiting the street's decision")
                                   @RequestParam(required = false) Boolean pendingExtension,
                                   @Parameter(description = "true: open orders escalated to the district centre")
                                   @RequestParam(required = false) Boolean escalated,
                                   PageQuery page) {
        return queries.list(new DispatchQueries.OrderFilter(agencyId, streetCode, state, overdue, pendingExtension, escalated),
                CallerAccess.visibility(actor), page);
    }

    @GetMapping("/buck-passing")
    @RequiresScope(Scopes.DISPATCH_READ)
    @Operation(summary = "Buck-passing: orders returned more than once, by the pair of agencies the returns passed between",
            description = "Pairs with the most returns first, paged. Counted over the orders the caller may see (as the "
                    + "order list); a streetCode the caller does not see gives an empty page.")
    public Page<AgencyPair> buckPassing(Actor actor, @RequestParam(required = false) @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String streetCode,
                                       PageQuery page) {
        return Page.of(queries.buckPassing(streetCode, CallerAccess.visibility(actor)), page);
    }

    @GetMapping("/{orderId}")
    @RequiresScope(Scopes.DISPATCH_READ)
    @Operation(summary = "One order with its parts, returns, report and history; its version as ETag",
            description = "404 also for an order the caller may not see (another street's, or one the agency has no part in).")
    public ResponseEntity<OrderDetail> find(Actor actor, @PathVariable String orderId) {
        OrderDetail detail = queries.find(orderId, CallerAccess.visibility(actor))
                .orElseThrow(() -> new NotFoundException("dispatch order", orderId));
        return ResponseEntity.ok().eTag(ETags.of(detail.order().version())).body(detail);
    }

    @PostMapping("/{orderId}/accept")
    @RequiresScope(Scopes.DISPATCH_AGENCY)
    @Operation(summary = "An agency accepts its part (lead or assistant)")
    public ResponseEntity<ActionResult> accept(Actor actor, @PathVariable String orderId,
                                               @Valid @RequestBody(required = false) DispatchOrderRequests.Accept body,
                                               @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = visible(actor, orderId, expected);
        String agencyId = acting.of(actor, body == null ? null : body.agencyId());
        return act(orderId, new DispatchCommands.AcceptDispatchOrder(orderId, agencyId, version, clock.instant()));
    }

    @PostMapping("/{orderId}/return")
    @RequiresScope(Scopes.DISPATCH_AGENCY)
    @Operation(summary = "An agency returns its part to the street with a reason (before accepting it)")
    public ResponseEntity<ActionResult> giveBack(Actor actor, @PathVariable String orderId,
                                                 @Valid @RequestBody DispatchOrderRequests.Return body,
                                                 @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = visible(actor, orderId, expected);
        String agencyId = acting.of(actor, body.agencyId());
        return act(orderId, new DispatchCommands.ReturnDispatchOrder(orderId, agencyId, body.reason(), body.note(),
                version, clock.instant()));
    }

    @PostMapping("/{orderId}/reassign")
    @RequiresScope(Scopes.DISPATCH_STREET)
    @Operation(summary = "The street arbitrates a return by giving the part to another agency of the same street")
    public ResponseEntity<ActionResult> reassign(Actor actor, @PathVariable String orderId,
                                                 @Valid @RequestBody DispatchOrderRequests.Reassign body,
                                                 @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = visible(actor, orderId, expected);
        String arbitratedBy = CallerAccess.decidedBy(actor, "arbitratedBy", body.arbitratedBy());
        // The order checks the agency itself (known, of its street, of a kind that can take the part): 422 naming toAgencyId.
        return act(orderId, new DispatchCommands.ReassignDispatchOrder(orderId, body.returnedAgencyId(), body.toAgencyId(),
                arbitratedBy, body.note(), version, clock.instant()));
    }

    @PostMapping("/{orderId}/reissue")
    @RequiresScope(Scopes.DISPATCH_STREET)
    @Operation(summary = "The street upholds the dispatch against a return: the same agency gets it again, original deadline")
    public ResponseEntity<ActionResult> reissue(Actor actor, @PathVariable String orderId,
                                                @Valid @RequestBody DispatchOrderRequests.Reissue body,
                                                @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = visible(actor, orderId, expected);
        String arbitratedBy = CallerAccess.decidedBy(actor, "arbitratedBy", body.arbitratedBy());
        return act(orderId, new DispatchCommands.ReissueDispatchOrder(orderId, body.returnedAgencyId(), arbitratedBy,
                body.note(), version, clock.instant()));
    }

    @PostMapping("/{orderId}/report")
    @RequiresScope(Scopes.DISPATCH_AGENCY)
    @Operation(summary = "The lead agency reports its handling (result, note, photo URLs)",
            description = "Without assistants the order is handled at once; in a joint task, once every assistant confirmed.")
    public ResponseEntity<ActionResult> report(Actor actor, @PathVariable String orderId,
                                               @Valid @RequestBody DispatchOrderRequests.Report body,
                                               @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = visible(actor, orderId, expected);
        String agencyId = acting.of(actor, body.agencyId());
        return act(orderId, new DispatchCommands.ReportHandling(orderId, agencyId, body.result(), body.note(),
                body.photoUrls() == null ? List.of() : body.photoUrls(), version, clock.instant()));
    }

    @PostMapping("/{orderId}/confirm")
    @RequiresScope(Scopes.DISPATCH_AGENCY)
    @Operation(summary = "An assisting agency of a joint task confirms its part, after the lead reported")
    public ResponseEntity<ActionResult> confirm(Actor actor, @PathVariable String orderId,
                                                @Valid @RequestBody(required = false) DispatchOrderRequests.Confirm body,
                                                @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = visible(actor, orderId, expected);
        String agencyId = acting.of(actor, body == null ? null : body.agencyId());
        return act(orderId, new DispatchCommands.ConfirmAssistance(orderId, agencyId, body == null ? null : body.note(),
                version, clock.instant()));
    }

    @PostMapping("/{orderId}/extension-request")
    @RequiresScope(Scopes.DISPATCH_AGENCY)
    @Operation(summary = "The lead agency asks the street for more time")
    public ResponseEntity<ActionResult> requestExtension(Actor actor, @PathVariable String orderId,
                                                         @Valid @RequestBody DispatchOrderRequests.RequestExtension body,
                                                         @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = visible(actor, orderId, expected);
        String agencyId = acting.of(actor, body.agencyId());
        return act(orderId, new DispatchCommands.RequestExtension(orderId, agencyId, body.reason(), body.requestedDeadline(),
                version, clock.instant()));
    }

    @PostMapping("/{orderId}/extension-request/approve")
    @RequiresScope(Scopes.DISPATCH_STREET)
    @Operation(summary = "The street approves the pending extension: the deadline and its 80% warning move")
    public ResponseEntity<ActionResult> approveExtension(Actor actor, @PathVariable String orderId,
                                                         @Valid @RequestBody(required = false) DispatchOrderRequests.Approve body,
                                                         @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = visible(actor, orderId, expected);
        String decidedBy = CallerAccess.decidedBy(actor, "decidedBy", body == null ? null : body.decidedBy());
        return act(orderId, new DispatchCommands.ApproveExtension(orderId, decidedBy, version, clock.instant()));
    }

    @PostMapping("/{orderId}/extension-request/approve-at-district")
    @RequiresScope(Scopes.DISPATCH_DISTRICT)
    @Operation(summary = "The district centre approves the pending extension (needed for a second extension in a round)",
            description = "The street approves one extension per round; a further one is refused to the street with 409.")
    public ResponseEntity<ActionResult> approveExtensionAtDistrict(Actor actor, @PathVariable String orderId,
                                                                   @Valid @RequestBody(required = false) DispatchOrderRequests.Approve body,
                                                                   @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = visible(actor, orderId, expected);
        String decidedBy = CallerAccess.decidedBy(actor, "decidedBy", body == null ? null : body.decidedBy());
        return act(orderId, new DispatchCommands.ApproveExtensionAtDistrict(orderId, decidedBy, version, clock.instant()));
    }

    @PostMapping("/{orderId}/extension-request/refuse")
    @RequiresScope(Scopes.DISPATCH_STREET)
    @Operation(summary = "The street refuses the pending extension: the deadline stands")
    public ResponseEntity<ActionResult> refuseExtension(Actor actor, @PathVariable String orderId,
                                                        @Valid @RequestBody DispatchOrderRequests.Refuse body,
                                                        @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = visible(actor, orderId, expected);
        String decidedBy = CallerAccess.decidedBy(actor, "decidedBy", body.decidedBy());
        return act(orderId, new DispatchCommands.RefuseExtension(orderId, decidedBy, body.reason(),
                version, clock.instant()));
    }

    /**
     * The If-Match version, once the caller may see the order: 404 for one it may not see, before anything about the
     * order is checked (so a stranger learns nothing, not even whether its body would have been refused for the actor
     * it names). The request itself is checked first, as its body is (a malformed If-Match is 422 whoever asks).
     * Read from the order read model; a caller that sees every order is left to the order itself (404 if none).
     */
    private Long visible(Actor actor, String orderId, ExpectedVersion expected) {
        Long version = expected.value();
        Visibility visibility = CallerAccess.visibility(actor);
        if (!visibility.isEverything() && !queries.sees(orderId, visibility)) {
            throw new NotFoundException("dispatch order", orderId);
        }
        return version;
    }

    private ResponseEntity<ActionResult> act(String orderId, Object command) {
        return ActionAnswer.of(commands.sendAndWait(command), version -> new ActionResult(orderId, version));
    }
}
