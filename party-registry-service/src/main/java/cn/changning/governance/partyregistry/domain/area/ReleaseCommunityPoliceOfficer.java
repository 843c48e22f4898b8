package cn.changning.governance.partyregistry.domain.area;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * Release a community police officer from post ("then out"): refused unless another officer is in post by the day of
 * release; accepted under 5 years with a warning.
 */
public record ReleaseCommunityPoliceOfficer(@TargetAggregateIdentifier String areaCode, String officerId,
                                            LocalDate releasedOn, @TargetAggregateVersion Long expectedVersion) {

    public ReleaseCommunityPoliceOfficer(String areaCode, String officerId, LocalDate releasedOn) {
        this(areaCode, officerId, releasedOn, null);
    }
}
