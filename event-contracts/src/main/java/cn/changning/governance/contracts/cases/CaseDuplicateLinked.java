package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * Another report was rejected as a duplicate of this case: the back link, so the original lists
 * its duplicates (the duplicate's own {@link CaseRejected} names the original).
 */
@PublishedEvent(context = "case")
public record CaseDuplicateLinked(
        String caseId,
        String duplicateCaseId,
        String linkedBy,
        Instant linkedAt) {
}
