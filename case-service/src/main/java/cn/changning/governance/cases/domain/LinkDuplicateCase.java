package cn.changning.governance.cases.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Link a report just rejected as a duplicate back to its original case (sent to the original). */
public record LinkDuplicateCase(
        @TargetAggregateIdentifier String caseId,
        String duplicateCaseId,
        String linkedBy,
        Instant linkedAt) {
}
