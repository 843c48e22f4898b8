package cn.changning.governance.cases.domain;

import cn.changning.governance.contracts.cases.CaseResolution;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Close a verified case, fixed or closed not fixed (step 5). */
public record CloseCase(
        @TargetAggregateIdentifier String caseId,
        CaseResolution resolution,
        String note,
        String closedBy,
        Instant closedAt,
        @TargetAggregateVersion Long expectedVersion) {
}
