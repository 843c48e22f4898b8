package cn.changning.governance.partyregistry.domain.youth;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.registry.YouthLeagueOrganizationRegistered;
import cn.changning.governance.partyregistry.domain.RegistryPlaces;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A youth-league organisation (团组织), in a street and perhaps a resident unit, with its number of members. */
public class YouthLeagueOrganization {

    @AggregateIdentifier
    private String youthLeagueOrganizationId;
    private YouthLeagueOrganizationRegistered registration;

    public YouthLeagueOrganization() {
        // for Axon
    }

    /**
     * Registers, or finds the same registration again (nothing new). Called by {@code Registrations} on the
     * aggregate it loaded or created: a registration is create-or-verify, see there.
     */
    public void register(RegisterYouthLeagueOrganization command, Geography geography) {
        YouthLeagueOrganizationRegistered registered = new YouthLeagueOrganizationRegistered(command.youthLeagueOrganizationId(), command.code(), command.name(),
                command.streetCode(), command.unitId(), command.members());
        if (registration != null) {
            if (!registration.equals(registered)) {
                throw DomainRuleViolation.conflict("youth-league-organization-registered-differently",
                        "YouthLeagueOrganization " + registration.code() + " is registered already with other facts");
            }
            return;
        }
        RegistryPlaces.requireText(command.code(), "code", 64);
        RegistryPlaces.requireText(command.name(), "name", 200);
        RegistryPlaces.requireStreet(geography, command.streetCode());
        RegistryPlaces.requireNotNegative(command.members(), "members");
        apply(registered);
    }

    @EventSourcingHandler
    void on(YouthLeagueOrganizationRegistered event) {
        youthLeagueOrganizationId = event.youthLeagueOrganizationId();
        registration = event;
    }
}
