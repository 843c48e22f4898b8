package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;
import java.util.List;

/**
 * The lead agency reported its handling. Without assistants the order is handled at once
 * ({@link DispatchOrderHandled} follows); in a joint task it waits for every assistant's confirmation.
 *
 * @param result RESOLVED, PARTIALLY_RESOLVED or NOT_RESOLVABLE
 */
@PublishedEvent(context = "dispatch")
public record DispatchOrderHandlingReported(
        String orderId,
        String caseId,
        String agencyId,
        String result,
        String note,
        List<String> photoUrls,
        Instant reportedAt) {
}
