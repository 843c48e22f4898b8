package cn.changning.governance.cases.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Put an open case on long-term hold; the hold needs a reason and an approver. */
public record SuspendCase(
        @TargetAggregateIdentifier String caseId,
        String reason,
        String approvedBy,
        String suspendedBy,
        Instant suspendedAt,
        @TargetAggregateVersion Long expectedVersion) {
}
