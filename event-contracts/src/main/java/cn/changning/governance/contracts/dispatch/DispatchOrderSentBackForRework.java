package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The case came back from on-site verification unfixed: this order is closed as reworked and a
 * new order, round {@code reworkRound}, goes to the same lead agency ({@link DispatchOrderIssued} follows
 * under the new order's id).
 */
@PublishedEvent(context = "dispatch")
public record DispatchOrderSentBackForRework(
        String orderId,
        String caseId,
        int round,
        int reworkRound,
        String leadAgencyId,
        String reason,
        Instant sentBackAt) {
}
