package cn.changning.governance.cases.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Send a case whose verification found it not fixed back to dispatch (rework). */
public record SendCaseBackForRework(
        @TargetAggregateIdentifier String caseId,
        String reason,
        String verifiedBy,
        Instant sentBackAt,
        @TargetAggregateVersion Long expectedVersion) {
}
