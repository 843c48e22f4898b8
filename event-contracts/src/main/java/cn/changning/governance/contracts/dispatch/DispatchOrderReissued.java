package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The street upheld the dispatch against a return: the same agency gets the part again, with
 * the order's original deadline, and has to accept it.
 */
@PublishedEvent(context = "dispatch")
public record DispatchOrderReissued(
        String orderId,
        String caseId,
        String agencyId,
        AgencyRole role,
        String arbitratedBy,
        String note,
        Instant deadline,
        Instant reissuedAt) {
}
