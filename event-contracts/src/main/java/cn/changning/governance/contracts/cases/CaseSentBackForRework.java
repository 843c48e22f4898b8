package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The on-site check found the problem not fixed: the case goes back to dispatch for another
 * round (step 5 failed). The dispatch service re-issues to the same lead agency.
 *
 * @param reworkRound 1 for the first rework, 2 for the second, ...
 */
@PublishedEvent(context = "case")
public record CaseSentBackForRework(
        String caseId,
        int reworkRound,
        String reason,
        String verifiedBy,
        Instant sentBackAt) {
}
