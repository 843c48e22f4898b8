package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** The street granted the extension: the order's deadline and its 80% warning move. */
@PublishedEvent(context = "dispatch")
public record DispatchOrderExtensionApproved(
        String orderId,
        String caseId,
        String decidedBy,
        Instant previousDeadline,
        Instant deadline,
        Instant warningAt,
        Instant approvedAt) {
}
