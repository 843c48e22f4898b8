package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** The lead agency asked the street for more time (延期), up to {@code requestedDeadline}. */
@PublishedEvent(context = "dispatch")
public record DispatchOrderExtensionRequested(
        String orderId,
        String caseId,
        String agencyId,
        String reason,
        Instant requestedDeadline,
        Instant requestedAt) {
}
