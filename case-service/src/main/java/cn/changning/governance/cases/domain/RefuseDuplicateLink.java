package cn.changning.governance.cases.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** From the duplicate policy: the original named for this duplicate refused the link; the case is no duplicate. */
public record RefuseDuplicateLink(
        @TargetAggregateIdentifier String caseId,
        String originalCaseId,
        String reason,
        Instant refusedAt) {
}
