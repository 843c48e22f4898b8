package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** An overdue order went up from the street's grid management centre to the district's. */
@PublishedEvent(context = "dispatch")
public record DispatchOrderEscalated(
        String orderId,
        String caseId,
        String leadAgencyId,
        EscalationLevel fromLevel,
        EscalationLevel toLevel,
        Instant escalatedAt) {
}
