package cn.changning.governance.cases.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Mark a report, or a filed case not yet handled, as a duplicate of another case (which checks its own state when it learns of it). */
public record MarkCaseAsDuplicate(
        @TargetAggregateIdentifier String caseId,
        String originalCaseId,
        String note,
        String markedBy,
        Instant markedAt,
        @TargetAggregateVersion Long expectedVersion) {
}
