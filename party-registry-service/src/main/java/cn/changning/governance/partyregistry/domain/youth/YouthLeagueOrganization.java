package cn.changning.governance.partyregistry.domain.youth;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.registry.YouthLeagueOrganizationRegistered;
import cn.changning.governance.partyregistry.domain.AggregateVersions;
import cn.changning.governance.partyregistry.domain.RegistryPlaces;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A youth-league organisation (团组织), in a street and perhaps a resident unit, with its number of members. */
public class YouthLeagueOrganization {

    @AggregateIdentifier
    private String youthLeagueOrganizationId;
    private YouthLeagueOrganizationRegistered registration;

    protected YouthLeagueOrganization() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RegisterYouthLeagueOrganization command, Geography geography) {
        YouthLeagueOrganizationRegistered registered = new YouthLeagueOrganizationRegistered(command.youthLeagueOrganizationId(), command.code(), command.name(),
                command.streetCode(), command.unitId(), command.members());
        if (registration != null) {
            if (!registration.equals(registered)) {
                throw DomainRuleViolation.conflict("youth-league-organization-registered-differently",
                        "YouthLeagueOrganization " + registration.code() + " is registered already with other facts");
            }
            return AggregateVersions.current();
        }
        RegistryPlaces.requireText(command.code(), "code", 64);
        RegistryPlaces.requireText(command.name(), "name", 200);
        RegistryPlaces.requireStreet(geography, command.streetCode());
        RegistryPlaces.requireNotNegative(command.members(), "members");
        apply(registered);
        return AggregateVersions.current();
    }

    @EventSourcingHandler
    void on(YouthLeagueOrganizationRegistered event) {
        youthLeagueOrganizationId = event.youthLeagueOrganizationId();
        registration = event;
    }
}
