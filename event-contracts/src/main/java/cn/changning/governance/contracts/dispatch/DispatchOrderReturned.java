package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * An agency sent its part of the order back to the street with a reason (退单); the street
 * arbitrates: it reassigns the part to another agency or upholds the dispatch.
 *
 * @param returnCount how many times this order has been returned so far, this return included
 */
@PublishedEvent(context = "dispatch")
public record DispatchOrderReturned(
        String orderId,
        String caseId,
        String agencyId,
        AgencyRole role,
        ReturnReason reason,
        String note,
        int returnCount,
        Instant returnedAt) {
}
