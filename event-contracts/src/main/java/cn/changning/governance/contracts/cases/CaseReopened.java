package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * A closed case was reopened within the reopening window: it goes back to dispatch like a rework.
 *
 * @param reworkRound the dispatch round the case now awaits (counts as one more rework)
 */
@PublishedEvent(context = "case")
public record CaseReopened(
        String caseId,
        int reworkRound,
        String reason,
        String reopenedBy,
        Instant reopenedAt) {
}
