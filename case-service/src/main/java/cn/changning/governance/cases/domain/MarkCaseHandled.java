package cn.changning.governance.cases.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The lead agency handled the order of a round (sent by the dispatch policy). */
public record MarkCaseHandled(
        @TargetAggregateIdentifier String caseId,
        String orderId,
        int round,
        String leadAgencyId,
        String result,
        boolean onTime,
        Instant handledAt) {
}
