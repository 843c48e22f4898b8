package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.LocalDate;

/** An organisation recorded a piece of party business: a meeting, dues, an election, members admitted, an appraisal. */
@PublishedEvent(context = "party-registry")
public record PartyAffairRecorded(
        String affairId,
        String organizationId,
        PartyAffairKind kind,
        LocalDate occurredOn,
        String description,
        String streetCode,
        String residentialAreaCode,
        String recordedBy) {
}
