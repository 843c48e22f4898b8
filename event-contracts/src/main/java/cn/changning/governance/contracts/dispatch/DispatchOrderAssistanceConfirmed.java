package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** An assisting agency of a joint task confirmed that its part is done, after the lead reported. */
@PublishedEvent(context = "dispatch")
public record DispatchOrderAssistanceConfirmed(
        String orderId,
        String caseId,
        String agencyId,
        String note,
        Instant confirmedAt) {
}
