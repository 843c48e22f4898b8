package cn.changning.governance.cases.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Reject a report as a duplicate of an open case. {@code originalStep} is the original's step as its events tell it, looked up by the caller (null when it has none). */
public record MarkCaseAsDuplicate(
        @TargetAggregateIdentifier String caseId,
        String originalCaseId,
        CaseStep originalStep,
        String note,
        String markedBy,
        Instant markedAt,
        @TargetAggregateVersion Long expectedVersion) {
}
