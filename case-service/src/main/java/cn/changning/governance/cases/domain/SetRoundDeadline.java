package cn.changning.governance.cases.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** From the dispatch policy: the round's order was granted an extension; the case's round is due then too. */
public record SetRoundDeadline(
        @TargetAggregateIdentifier String caseId,
        String orderId,
        Instant deadline,
        Instant setAt) {
}
