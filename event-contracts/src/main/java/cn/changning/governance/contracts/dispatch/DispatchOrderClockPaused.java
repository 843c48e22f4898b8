package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The case was put on hold: the order's clock stopped. No due-soon warning, overdue or escalation
 * happens until it is resumed; the agencies' parts stand as they were.
 */
@PublishedEvent(context = "dispatch")
public record DispatchOrderClockPaused(
        String orderId,
        String caseId,
        Instant pausedAt) {
}
