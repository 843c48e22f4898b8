package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The case was resumed: the order's clock runs again with the working time it had left. The
 * deadline and the due-soon warning moved on by the hold's working time (unchanged for an order
 * that was overdue before the hold, and for a warning that had fired already).
 */
@PublishedEvent(context = "dispatch")
public record DispatchOrderClockResumed(
        String orderId,
        String caseId,
        Instant resumedAt,
        Instant warningAt,
        Instant deadline) {
}
