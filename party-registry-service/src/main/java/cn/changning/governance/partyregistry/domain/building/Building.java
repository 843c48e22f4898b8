package cn.changning.governance.partyregistry.domain.building;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.registry.BuildingRegistered;
import cn.changning.governance.partyregistry.domain.RegistryPlaces;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An office building (楼宇) of the district, where resident units and their organisations are. */
public class Building {

    @AggregateIdentifier
    private String buildingId;
    private BuildingRegistered registration;

    public Building() {
        // for Axon
    }

    /**
     * Registers, or finds the same registration again (nothing new). Called by {@code Registrations} on the
     * aggregate it loaded or created: a registration is create-or-verify, see there.
     */
    public void register(RegisterBuilding command, Geography geography) {
        BuildingRegistered registered = new BuildingRegistered(command.buildingId(), command.code(), command.name(),
                command.streetCode(), command.residentialAreaCode(), command.floors());
        if (registration != null) {
            if (!registration.equals(registered)) {
                throw DomainRuleViolation.conflict("building-registered-differently",
                        "Building " + registration.code() + " is registered already with other facts");
            }
            return;
        }
        RegistryPlaces.requireText(command.code(), "code", 64);
        RegistryPlaces.requireText(command.name(), "name", 200);
        RegistryPlaces.requirePlace(geography, command.streetCode(), command.residentialAreaCode());
        if (command.floors() < 1) {
            throw DomainRuleViolation.invalid("floors-not-positive", "floors", "A building has at least one floor");
        }
        apply(registered);
    }

    @EventSourcingHandler
    void on(BuildingRegistered event) {
        buildingId = event.buildingId();
        registration = event;
    }
}
