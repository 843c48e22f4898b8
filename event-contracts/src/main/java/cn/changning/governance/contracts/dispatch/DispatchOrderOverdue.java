package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** The deadline passed and the order is not handled. */
@PublishedEvent(context = "dispatch")
public record DispatchOrderOverdue(
        String orderId,
        String caseId,
        String leadAgencyId,
        Instant deadline,
        Instant overdueAt) {
}
