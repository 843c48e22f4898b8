package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;
import java.util.List;

/**
 * The case was dispatched to its lead agency (step 3), as the dispatch service reported with its
 * order for this round.
 *
 * @param round 0 for the first dispatch, then one more per rework or reopening
 */
@PublishedEvent(context = "case")
public record CaseDispatched(
        String caseId,
        String orderId,
        int round,
        String leadAgencyId,
        List<String> assistingAgencyIds,
        Instant dispatchedAt) {
}
