package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The street agreed with a return and gave the returned part to another agency, which now
 * has to accept it. The order keeps its original deadline.
 */
@PublishedEvent(context = "dispatch")
public record DispatchOrderReassigned(
        String orderId,
        String caseId,
        String fromAgencyId,
        String toAgencyId,
        AgencyRole role,
        String arbitratedBy,
        String note,
        Instant reassignedAt) {
}
