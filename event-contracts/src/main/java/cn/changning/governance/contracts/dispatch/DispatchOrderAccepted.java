package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** An agency on the order accepted its part (the lead its handling, an assistant its assistance). */
@PublishedEvent(context = "dispatch")
public record DispatchOrderAccepted(
        String orderId,
        String caseId,
        String agencyId,
        AgencyRole role,
        Instant acceptedAt) {
}
