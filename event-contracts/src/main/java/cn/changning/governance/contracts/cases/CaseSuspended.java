package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** The case was put on long-term hold (挂账) with an approved reason; its clock stops. */
@PublishedEvent(context = "case")
public record CaseSuspended(
        String caseId,
        String reason,
        String approvedBy,
        String suspendedBy,
        Instant suspendedAt) {
}
