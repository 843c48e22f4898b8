package cn.changning.governance.partyregistry.domain.police;

import cn.changning.governance.contracts.personal.SealedValue;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Register a community police officer with the registry (where the officer serves is the residential area's
 * {@code AssignCommunityPoliceOfficer}).
 *
 * @param officerId     {@code RegistryIds.officer(badgeNumber)}
 * @param name          sealed under {@code police-officer:<officerId>}, field {@code officer.name}
 * @param partyMemberId the officer's membership in the registry (linked by the identity number's pseudonym), or null
 * @param joinedPartyOn when the officer joined the party, or null; needs a party membership
 */
public record RegisterCommunityPoliceOfficer(@TargetAggregateIdentifier String officerId, String badgeNumber,
                                             SealedValue name, String partyMemberId, LocalDate joinedPartyOn,
                                             String streetCode) {
}
