package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The hold ended; the case continues where it stood.
 *
 * @param deadline the deadline moved on by the working time the case was on hold
 */
@PublishedEvent(context = "case")
public record CaseResumed(
        String caseId,
        Instant deadline,
        String resumedBy,
        Instant resumedAt) {
}
