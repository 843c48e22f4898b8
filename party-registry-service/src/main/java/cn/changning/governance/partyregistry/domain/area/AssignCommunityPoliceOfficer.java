package cn.changning.governance.partyregistry.domain.area;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * Put a community police officer in post in a residential area. While another officer is in post this is the first
 * half of a transfer ("first in"): the predecessor may be released only after it. Assigning an officer already in post
 * there changes nothing. That the officer is in post in no other area is checked by the caller on the read model (a
 * rule across two areas; see {@code PolicingCommands}).
 */
public record AssignCommunityPoliceOfficer(@TargetAggregateIdentifier String areaCode, String officerId,
                                           LocalDate inPostFrom, @TargetAggregateVersion Long expectedVersion) {

    public AssignCommunityPoliceOfficer(String areaCode, String officerId, LocalDate inPostFrom) {
        this(areaCode, officerId, inPostFrom, null);
    }
}
