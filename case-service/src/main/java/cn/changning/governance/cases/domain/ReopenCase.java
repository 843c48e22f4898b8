package cn.changning.governance.cases.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Reopen a closed case within the reopening window. */
public record ReopenCase(
        @TargetAggregateIdentifier String caseId,
        String reason,
        String reopenedBy,
        Instant reopenedAt,
        @TargetAggregateVersion Long expectedVersion) {
}
