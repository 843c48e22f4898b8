package cn.changning.governance.dispatch.domain;

import cn.changning.governance.contracts.dispatch.EscalationLevel;
import cn.changning.governance.contracts.dispatch.ReturnReason;
import cn.changning.governance.contracts.dispatch.WithdrawalReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.List;

/**
 * The commands a dispatch order takes. {@code expectedVersion} is the version the caller read (the ETag it sends
 * as If-Match); null means "whatever the current version is".
 */
public final class DispatchCommands {

    private DispatchCommands() {
    }

    /** Issues the order for one dispatch round of a case (the policy on CaseFiled and on rework). */
    public record IssueDispatchOrder(
            @TargetAggregateIdentifier String orderId, String caseId, int round,
            String itemCode, String itemClass, String handlingType, boolean persistentProblem,
            String gridCode, String streetCode,
            String leadAgencyId, String leadAgencyType,
            List<String> assistingAgencyIds, List<String> assistingAgencyTypes,
            EscalationLevel followedUpBy, Instant startedAt, Instant deadline, Instant issuedAt) {
    }

    public record AcceptDispatchOrder(@TargetAggregateIdentifier String orderId, String agencyId,
                                      @TargetAggregateVersion Long expectedVersion, Instant acceptedAt) {
    }

    public record ReturnDispatchOrder(@TargetAggregateIdentifier String orderId, String agencyId, ReturnReason reason,
                                      String note, @TargetAggregateVersion Long expectedVersion, Instant returnedAt) {
    }

    /** The street's arbitration of a return: the part goes to another agency. */
    public record ReassignDispatchOrder(@TargetAggregateIdentifier String orderId, String returnedAgencyId,
                                        String toAgencyId, String arbitratedBy, String note,
                                        @TargetAggregateVersion Long expectedVersion, Instant reassignedAt) {
    }

    /** The street's arbitration of a return: the dispatch stands, the same agency gets it again. */
    public record ReissueDispatchOrder(@TargetAggregateIdentifier String orderId, String returnedAgencyId,
                                       String arbitratedBy, String note,
                                       @TargetAggregateVersion Long expectedVersion, Instant reissuedAt) {
    }

    public record ReportHandling(@TargetAggregateIdentifier String orderId, String agencyId, String result, String note,
                                 List<String> photoUrls, @TargetAggregateVersion Long expectedVersion, Instant reportedAt) {
    }

    public record ConfirmAssistance(@TargetAggregateIdentifier String orderId, String agencyId, String note,
                                    @TargetAggregateVersion Long expectedVersion, Instant confirmedAt) {
    }

    public record RequestExtension(@TargetAggregateIdentifier String orderId, String agencyId, String reason,
                                   Instant requestedDeadline, @TargetAggregateVersion Long expectedVersion,
                                   Instant requestedAt) {
    }

    public record ApproveExtension(@TargetAggregateIdentifier String orderId, String decidedBy,
                                   @TargetAggregateVersion Long expectedVersion, Instant approvedAt) {
    }

    /**
     * The district centre approves a pending extension. The street approves one extension per round
     * ({@link ApproveExtension}); a second (and any further) needs the district centre, so the level that decides is
     * the command itself: when the identity work takes the actor from a token, this command needs a district scope.
     */
    public record ApproveExtensionAtDistrict(@TargetAggregateIdentifier String orderId, String decidedBy,
                                             @TargetAggregateVersion Long expectedVersion, Instant approvedAt) {
    }

    public record RefuseExtension(@TargetAggregateIdentifier String orderId, String decidedBy, String reason,
                                  @TargetAggregateVersion Long expectedVersion, Instant refusedAt) {
    }

    /**
     * The case was put on hold (the policy on the case's suspension): every timer of the order stops. Harmless to
     * send again: an order paused already, handled, reworked or withdrawn stays as it is.
     */
    public record PauseDispatchOrderClock(@TargetAggregateIdentifier String orderId, Instant pausedAt) {
    }

    /**
     * The case was resumed: the clock continues with the working time it had left. Harmless to send again: an order
     * whose clock is not paused stays as it is.
     */
    public record ResumeDispatchOrderClock(@TargetAggregateIdentifier String orderId, Instant resumedAt) {
    }

    /**
     * The case is no longer to be handled (rejected, or linked as a duplicate): the order is closed with the reason.
     * Harmless to send again: an order handled, reworked or withdrawn already stays as it is.
     */
    public record WithdrawDispatchOrder(@TargetAggregateIdentifier String orderId, WithdrawalReason reason,
                                        Instant withdrawnAt) {
    }

    /** The case's rework event, sent to the order of the previous round. Answers with a {@link ReworkPlan}. */
    public record SendBackForRework(@TargetAggregateIdentifier String orderId, int reworkRound, String reason,
                                    Instant sentBackAt) {
    }

    /** What the next round's order needs: the same lead and assistants, the same item, a fresh clock. */
    public record ReworkPlan(String caseId, int round, String itemCode, String itemClass, String handlingType,
                             boolean persistentProblem, String gridCode, String streetCode,
                             String leadAgencyId, String leadAgencyType,
                             List<String> assistingAgencyIds, List<String> assistingAgencyTypes,
                             EscalationLevel followedUpBy, Instant originalStartedAt, Instant originalDeadline) {
    }
}
