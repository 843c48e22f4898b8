package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The order was closed without handling because its case is no longer to be handled (rejected, or
 * linked as a duplicate). Its clock is cancelled and no agency can act on it any more.
 */
@PublishedEvent(context = "dispatch")
public record DispatchOrderWithdrawn(
        String orderId,
        String caseId,
        WithdrawalReason reason,
        Instant withdrawnAt) {
}
