package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The centre did not file the report (step 2): invalid, out of scope, or a duplicate of an open
 * case. A rejected case is final and is never dispatched.
 *
 * @param duplicateOf the original case when {@code reason} is DUPLICATE, else null
 */
@PublishedEvent(context = "case")
public record CaseRejected(
        String caseId,
        RejectionReason reason,
        String duplicateOf,
        String note,
        String rejectedBy,
        Instant rejectedAt) {
}
