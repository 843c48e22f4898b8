package cn.changning.governance.dispatch.api;

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
 */
@RestController
@RequestMapping("/api/v1/dispatch-orders")
@Tag(name = "Dispatch orders", description = "Orders to stationed agencies: accept, return, arbitrate, report, confirm, extend")
public class DispatchOrderController {

    static final String IF_MATCH_DOC = "Required. The order's ETag as read (e.g. \"3\"), or * for any current version; "
            + "without it the action is refused with 428, and with 412 if the order changed since (the problem gives the current version)";

    private final CommandGateway commands;
    private final DispatchQueries queries;
    private final Clock clock;

    public DispatchOrderController(CommandGateway commands, DispatchQueries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    /** What an action answers: the order and its version after the action (also the ETag). */
    public record ActionResult(String orderId, long version) {
    }

    @GetMapping
    @RequiresScope(Scopes.DISPATCH_READ)
    @Operation(summary = "Dispatch orders, newest first, filtered and paged, with the total",
            description = "The orders behind each count of a street's board: state=AWAITING_ARBITRATION, overdue=true, "
                    + "pendingExtension=true, escalated=true, each with streetCode.")
    public Page<OrderSummary> list(@RequestParam(required = false) String agencyId,
                                   @RequestParam(required = false) String streetCode,
                                   @RequestParam(required = false) OrderState state,
                                   @Parameter(description = "true: open orders past their deadline; false: the others")
                                   @RequestParam(required = false) Boolean overdue,
                                   @Parameter(description = "true: open orders with an extension request awaiting the street's decision")
                                   @RequestParam(required = false) Boolean pendingExtension,
                                   @Parameter(description = "true: open orders escalated to the district centre")
                                   @RequestParam(required = false) Boolean escalated,
                                   PageQuery page) {
        return queries.list(new DispatchQueries.OrderFilter(agencyId, streetCode, state, overdue, pendingExtension, escalated), page);
    }

    @GetMapping("/buck-passing")
    @RequiresScope(Scopes.DISPATCH_READ)
    @Operation(summary = "Buck-passing: orders returned more than once, by the pair of agencies the returns passed between",
            description = "Pairs with the most returns first, paged.")
    public Page<AgencyPair> buckPassing(@RequestParam(required = false) String streetCode, PageQuery page) {
        return Page.of(queries.buckPassing(streetCode), page);
    }

    @GetMapping("/{orderId}")
    @RequiresScope(Scopes.DISPATCH_READ)
    @Operation(summary = "One order with its parts, returns, report and history; its version as ETag")
    public ResponseEntity<OrderDetail> find(@PathVariable String orderId) {
        OrderDetail detail = queries.find(orderId).orElseThrow(() -> new NotFoundException("dispatch order", orderId));
        return ResponseEntity.ok().eTag(ETags.of(detail.order().version())).body(detail);
    }

    @PostMapping("/{orderId}/accept")
    @RequiresScope(Scopes.DISPATCH_AGENCY)
    @Operation(summary = "An agency accepts its part (lead or assistant)")
    public ResponseEntity<ActionResult> accept(@PathVariable String orderId, @Valid @RequestBody DispatchOrderRequests.Accept body,
                                               @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        return act(orderId, new DispatchCommands.AcceptDispatchOrder(orderId, body.agencyId(), expected.value(), clock.instant()));
    }

    @PostMapping("/{orderId}/return")
    @RequiresScope(Scopes.DISPATCH_AGENCY)
    @Operation(summary = "An agency returns its part to the street with a reason (before accepting it)")
    public ResponseEntity<ActionResult> giveBack(@PathVariable String orderId, @Valid @RequestBody DispatchOrderRequests.Return body,
                                                 @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        return act(orderId, new DispatchCommands.ReturnDispatchOrder(orderId, body.agencyId(), body.reason(), body.note(),
                expected.value(), clock.instant()));
    }

    @PostMapping("/{orderId}/reassign")
    @RequiresScope(Scopes.DISPATCH_STREET)
    @Operation(summary = "The street arbitrates a return by giving the part to another agency of the same street")
    public ResponseEntity<ActionResult> reassign(@PathVariable String orderId, @Valid @RequestBody DispatchOrderRequests.Reassign body,
                                                 @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        // The order checks the agency itself (known, of its street, of a kind that can take the part): 422 naming toAgencyId.
        return act(orderId, new DispatchCommands.ReassignDispatchOrder(orderId, body.returnedAgencyId(), body.toAgencyId(),
                body.arbitratedBy(), body.note(), expected.value(), clock.instant()));
    }

    @PostMapping("/{orderId}/reissue")
    @RequiresScope(Scopes.DISPATCH_STREET)
    @Operation(summary = "The street upholds the dispatch against a return: the same agency gets it again, original deadline")
    public ResponseEntity<ActionResult> reissue(@PathVariable String orderId, @Valid @RequestBody DispatchOrderRequests.Reissue body,
                                                @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        return act(orderId, new DispatchCommands.ReissueDispatchOrder(orderId, body.returnedAgencyId(), body.arbitratedBy(),
                body.note(), expected.value(), clock.instant()));
    }

    @PostMapping("/{orderId}/report")
    @RequiresScope(Scopes.DISPATCH_AGENCY)
    @Operation(summary = "The lead agency reports its handling (result, note, photo URLs)",
            description = "Without assistants the order is handled at once; in a joint task, once every assistant confirmed.")
    public ResponseEntity<ActionResult> report(@PathVariable String orderId, @Valid @RequestBody DispatchOrderRequests.Report body,
                                               @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        return act(orderId, new DispatchCommands.ReportHandling(orderId, body.agencyId(), body.result(), body.note(),
                body.photoUrls() == null ? List.of() : body.photoUrls(), expected.value(), clock.instant()));
    }

    @PostMapping("/{orderId}/confirm")
    @RequiresScope(Scopes.DISPATCH_AGENCY)
    @Operation(summary = "An assisting agency of a joint task confirms its part, after the lead reported")
    public ResponseEntity<ActionResult> confirm(@PathVariable String orderId, @Valid @RequestBody DispatchOrderRequests.Confirm body,
                                                @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        return act(orderId, new DispatchCommands.ConfirmAssistance(orderId, body.agencyId(), body.note(),
                expected.value(), clock.instant()));
    }

    @PostMapping("/{orderId}/extension-request")
    @RequiresScope(Scopes.DISPATCH_AGENCY)
    @Operation(summary = "The lead agency asks the street for more time")
    public ResponseEntity<ActionResult> requestExtension(@PathVariable String orderId,
                                                         @Valid @RequestBody DispatchOrderRequests.RequestExtension body,
                                                         @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        return act(orderId, new DispatchCommands.RequestExtension(orderId, body.agencyId(), body.reason(), body.requestedDeadline(),
                expected.value(), clock.instant()));
    }

    @PostMapping("/{orderId}/extension-request/approve")
    @RequiresScope(Scopes.DISPATCH_STREET)
    @Operation(summary = "The street approves the pending extension: the deadline and its 80% warning move")
    public ResponseEntity<ActionResult> approveExtension(@PathVariable String orderId, @Valid @RequestBody DispatchOrderRequests.Approve body,
                                                         @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        return act(orderId, new DispatchCommands.ApproveExtension(orderId, body.decidedBy(), expected.value(), clock.instant()));
    }

    @PostMapping("/{orderId}/extension-request/approve-at-district")
    @RequiresScope(Scopes.DISPATCH_DISTRICT)
    @Operation(summary = "The district centre approves the pending extension (needed for a second extension in a round)",
            description = "The street approves one extension per round; a further one is refused to the street with 409.")
    public ResponseEntity<ActionResult> approveExtensionAtDistrict(@PathVariable String orderId,
                                                                   @Valid @RequestBody DispatchOrderRequests.Approve body,
                                                                   @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        return act(orderId, new DispatchCommands.ApproveExtensionAtDistrict(orderId, body.decidedBy(), expected.value(), clock.instant()));
    }

    @PostMapping("/{orderId}/extension-request/refuse")
    @RequiresScope(Scopes.DISPATCH_STREET)
    @Operation(summary = "The street refuses the pending extension: the deadline stands")
    public ResponseEntity<ActionResult> refuseExtension(@PathVariable String orderId, @Valid @RequestBody DispatchOrderRequests.Refuse body,
                                                        @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        return act(orderId, new DispatchCommands.RefuseExtension(orderId, body.decidedBy(), body.reason(),
                expected.value(), clock.instant()));
    }

    private ResponseEntity<ActionResult> act(String orderId, Object command) {
        return ActionAnswer.of(commands.sendAndWait(command), version -> new ActionResult(orderId, version));
    }
}
