package cn.changning.governance.cases.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** End a case's hold. */
public record ResumeCase(
        @TargetAggregateIdentifier String caseId,
        String resumedBy,
        Instant resumedAt,
        @TargetAggregateVersion Long expectedVersion) {
}
