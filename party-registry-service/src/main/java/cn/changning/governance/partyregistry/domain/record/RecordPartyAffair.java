package cn.changning.governance.partyregistry.domain.record;

import cn.changning.governance.contracts.registry.PartyAffairKind;

import java.time.LocalDate;

/** Record a piece of an organisation's party business. */
public record RecordPartyAffair(String affairId, String organizationId, PartyAffairKind kind, LocalDate occurredOn,
                                String description, String recordedBy) {
}
