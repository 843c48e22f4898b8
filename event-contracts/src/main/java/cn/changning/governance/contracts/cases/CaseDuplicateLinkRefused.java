package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The case named as its original refused the link (it is closed, rejected or does not exist), so this
 * case is not a duplicate after all: it is back at the step it had before it was marked, with the
 * reason on its timeline, for the street to file it or mark it against another original.
 */
@PublishedEvent(context = "case")
public record CaseDuplicateLinkRefused(
        String caseId,
        String originalCaseId,
        String reason,
        String stepRestored,
        Instant refusedAt) {
}
