package cn.changning.governance.partyregistry.domain.member;

import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.contracts.registry.Gender;
import cn.changning.governance.contracts.registry.PartyMemberCategory;
import org.axonframework.commandhandling.RoutingKey;

import java.time.LocalDate;

/**
 * Register a party member in an organisation. The personal fields arrive sealed for {@code party-member:<memberId>}
 * (the API or the import sealed them); gender and birth year were read from the identity number by the caller. The same
 * registration again changes nothing; one with other facts under the same id is refused.
 *
 * @param memberId {@code RegistryIds.member(pseudonym of the identity number)}
 * @param phone    null when not known
 * @param address  null when not known
 */
public record RegisterPartyMember(
        @RoutingKey String memberId,
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
