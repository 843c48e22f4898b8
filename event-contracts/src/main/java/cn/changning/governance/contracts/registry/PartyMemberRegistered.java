package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;
import cn.changning.governance.contracts.personal.SealedValue;

import java.time.LocalDate;

/**
 * A party member was registered in an organisation. The four personal fields are sealed for the subject
 * {@code party-member:<memberId>} (they open only with the registry's key, and never after erasure); gender and
 * birth year are statistical facts kept in clear.
 *
 * @param memberId UUID v3 of {@code party-member:<pseudonym of the identity number>}
 * @param phone    null when not known
 * @param address  null when not known
 */
@PublishedEvent(context = "party-registry")
public record PartyMemberRegistered(
        String memberId,
        String organizationId,
        SealedValue name,
        SealedValue identityNumber,
        SealedValue phone,
        SealedValue address,
        Gender gender,
        int birthYear,
        PartyMemberCategory category,
        LocalDate joinedOn,
        String streetCode,
        String residentialAreaCode) {
}
