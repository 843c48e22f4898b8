package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;
import java.util.List;

/**
 * The lead agency reported the case handled (and, for a joint task, every assistant confirmed
 * its part) (step 4). The case service moves the case to HANDLED, awaiting on-site verification.
 *
 * @param onTime whether it was handled by the order's deadline
 */
@PublishedEvent(context = "dispatch")
public record DispatchOrderHandled(
        String orderId,
        String caseId,
        int round,
        String leadAgencyId,
        String result,
        String note,
        List<String> photoUrls,
        boolean onTime,
        Instant handledAt) {
}
