package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;
import java.util.List;

/**
 * A dispatch order went out to the agency that leads the handling of a case, with the
 * agencies that assist it (a joint task when there are any) (step 3). The case service
 * moves the case to DISPATCHED.
 *
 * @param orderId derived from the case id and the dispatch round, so a redelivered event issues nothing twice
 * @param round   0 for the first dispatch, then one more for each rework
 */
@PublishedEvent(context = "dispatch")
public record DispatchOrderIssued(
        String orderId,
        String caseId,
        int round,
        String leadAgencyId,
        List<String> assistingAgencyIds,
        String streetCode,
        Instant deadline,
        Instant issuedAt) {
}
