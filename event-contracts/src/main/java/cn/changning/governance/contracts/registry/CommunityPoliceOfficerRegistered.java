package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;
import cn.changning.governance.contracts.personal.SealedValue;

import java.time.LocalDate;

/**
 * A community police officer (社区民警) was registered with the party-building registry. Where the officer serves is
 * told by {@link CommunityPoliceOfficerAssigned} on the residential area.
 *
 * @param officerId     UUID v3 of the badge number (the registry's {@code RegistryIds.officer}); the aggregate id and record key
 * @param name          sealed under subject {@code police-officer:<officerId>}, field {@code officer.name}
 * @param partyMemberId the officer's party membership in the registry, or null when not a party member
 * @param joinedPartyOn when the officer joined the party, or null (kept in clear: the statistics' "new party members
 *                      who are community police" count it)
 * @param streetCode    the street (9 digits) of the officer's police station's side of the district
 */
@PublishedEvent(context = "party-registry")
public record CommunityPoliceOfficerRegistered(String officerId, String badgeNumber, SealedValue name, String partyMemberId,
                                               LocalDate joinedPartyOn, String streetCode) {
}
