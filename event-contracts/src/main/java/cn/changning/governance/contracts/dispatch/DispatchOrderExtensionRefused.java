package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** The street refused the extension: the deadline stands. */
@PublishedEvent(context = "dispatch")
public record DispatchOrderExtensionRefused(
        String orderId,
        String caseId,
        String decidedBy,
        String reason,
        Instant refusedAt) {
}
