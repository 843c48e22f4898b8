package cn.changning.governance.dispatch.projection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the dispatch read models answer with. */
public final class DispatchViews {

    private DispatchViews() {
    }

    public record Part(String agencyId, String agencyType, String role, String state) {
    }

    public record Return(String agencyId, String role, String reason, String note, Instant at, String outcome, String passedTo) {
    }

    public record HistoryEntry(long sequence, String event, Instant at, String agencyId, String summary) {
    }

    public record Report(String agencyId, String result, String note, List<String> photoUrls, Instant at) {
    }

    public record PendingExtension(String agencyId, String reason, Instant requestedDeadline, Instant requestedAt) {
    }

    public record OrderSummary(String orderId, String caseId, int round, String itemCode, String streetCode, String gridCode,
                               String leadAgencyId, String leadAgencyType, List<Part> parts, OrderState state,
                               boolean jointTask, boolean persistentProblem, Instant issuedAt, Instant warningAt,
                               Instant deadline, boolean dueSoon, boolean overdue, String followedUpBy, int returnCount,
                               boolean paused, Instant pausedAt, long version) {
    }

    public record OrderDetail(OrderSummary order, String handlingType, String itemClass, Instant startedAt,
                              Instant handledAt, Boolean onTime, String withdrawalReason, Instant withdrawnAt,
                              boolean referredToArbitration, List<String> boundAgencyIds, Report report, PendingExtension pendingExtension,
                              List<Return> returns, List<HistoryEntry> history) {
    }

    /** One open order in an agency's work queue, in the agency's {@link QueueBucket}. */
    public record QueueItem(String orderId, String caseId, String itemCode, QueueBucket bucket, String role, String partState,
                            OrderState orderState, Instant deadline, boolean dueSoon, boolean overdue) {
    }

    /** Sums over the orders the agency had a part in (as lead or assistant, including parts it returned). */
    public record AgencyStats(String agencyId, long dispatched, long accepted, long returned, long handledOnTime,
                              long handledLate, long reworked, long extensionsRequested, long extensionsApproved) {
    }

    /**
     * A street's dispatch board: counts only, pre-aggregated. {@code byState} counts every order the street was issued;
     * the other counts are of its open orders. {@code lists} gives, per count, the paged order list behind it.
     */
    public record StreetBoard(String streetCode, Map<OrderState, Long> byState, long dueSoon, long overdue, long escalated,
                              long awaitingArbitration, long pendingExtensions, Map<String, String> lists) {

        static Map<String, String> listsOf(String streetCode) {
            String orders = "/api/v1/dispatch-orders?streetCode=" + streetCode;
            Map<String, String> lists = new java.util.LinkedHashMap<>();
            lists.put("awaitingArbitration", orders + "&state=" + OrderState.AWAITING_ARBITRATION.name());
            lists.put("pendingExtensions", orders + "&pendingExtension=true");
            lists.put("overdue", orders + "&overdue=true");
            lists.put("escalated", orders + "&escalated=true");
            return lists;
        }
    }

    /** Buck-passing (推诿) between two agencies: orders returned more than once, by the pair of agencies involved. */
    public record AgencyPair(String agencyA, String agencyB, long orders, long returns, List<String> orderIds) {
    }
}
