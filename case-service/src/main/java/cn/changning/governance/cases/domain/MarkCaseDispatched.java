package cn.changning.governance.cases.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** The dispatch service issued its order for a round (sent by the dispatch policy). */
public record MarkCaseDispatched(
        @TargetAggregateIdentifier String caseId,
        String orderId,
        int round,
        String leadAgencyId,
        List<String> assistingAgencyIds,
        Instant dispatchedAt) {
}
