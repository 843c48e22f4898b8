package cn.changning.governance.partyregistry.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record that the member's personal data was erased (the key is destroyed before this command is sent). Idempotent. */
public record ErasePartyMemberData(
        @TargetAggregateIdentifier String memberId,
        Instant erasedAt) {
}
