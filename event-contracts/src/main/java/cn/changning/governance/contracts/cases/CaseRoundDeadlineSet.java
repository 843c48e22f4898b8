package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The deadline of the case's current round was set anew: a new round began (sent back for rework or
 * reopened: round 0's working time again from then), or the round's dispatch order was granted an
 * extension. The case's deadline and its order's deadline are the same instant, by the same rule.
 */
@PublishedEvent(context = "case")
public record CaseRoundDeadlineSet(
        String caseId,
        int round,
        Instant deadline,
        DeadlineChange cause,
        Instant setAt) {

    /** Why the deadline moved. */
    public enum DeadlineChange { NEW_ROUND, EXTENSION }
}
