package cn.changning.governance.cases.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Record the on-site check of a handled case: fixed or not (step 5). */
public record VerifyCase(
        @TargetAggregateIdentifier String caseId,
        boolean fixed,
        String note,
        String verifiedBy,
        Instant verifiedAt,
        @TargetAggregateVersion Long expectedVersion) {
}
