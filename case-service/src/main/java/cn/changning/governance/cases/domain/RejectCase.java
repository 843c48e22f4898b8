package cn.changning.governance.cases.domain;

import cn.changning.governance.contracts.cases.RejectionReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Refuse to file a report as invalid or out of scope (duplicates go through {@link MarkCaseAsDuplicate}). */
public record RejectCase(
        @TargetAggregateIdentifier String caseId,
        RejectionReason reason,
        String note,
        String rejectedBy,
        Instant rejectedAt,
        @TargetAggregateVersion Long expectedVersion) {
}
