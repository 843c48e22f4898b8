package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** 80% of the order's working time has passed and it is not handled yet: a warning to the lead agency. */
@PublishedEvent(context = "dispatch")
public record DispatchOrderDueSoon(
        String orderId,
        String caseId,
        String leadAgencyId,
        Instant deadline,
        Instant warnedAt) {
}
