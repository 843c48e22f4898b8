package cn.changning.governance.partyregistry.domain.area;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * Cross-appoint the area's community police officer as deputy party secretary of the residential area (交叉任职).
 *
 * @param partyMemberId the officer's party membership as the officer registry knows it (the caller reads it), or null
 *                      when the officer is not a party member: then refused
 */
public record CrossAppointDeputySecretary(@TargetAggregateIdentifier String areaCode, String officerId,
                                          String partyMemberId, LocalDate appointedOn,
                                          @TargetAggregateVersion Long expectedVersion) {

    public CrossAppointDeputySecretary(String areaCode, String officerId, String partyMemberId, LocalDate appointedOn) {
        this(areaCode, officerId, partyMemberId, appointedOn, null);
    }
}
