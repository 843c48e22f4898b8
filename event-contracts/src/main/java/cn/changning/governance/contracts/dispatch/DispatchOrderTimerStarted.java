package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The order's clock: from {@code startedAt} to {@code deadline} on the working calendar, with the
 * "due soon" warning at 80% of that working time. Overdue is at the deadline.
 */
@PublishedEvent(context = "dispatch")
public record DispatchOrderTimerStarted(
        String orderId,
        String caseId,
        Instant startedAt,
        Instant warningAt,
        Instant deadline) {
}
