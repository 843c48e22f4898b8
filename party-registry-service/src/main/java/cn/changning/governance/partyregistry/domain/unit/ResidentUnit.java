package cn.changning.governance.partyregistry.domain.unit;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.registry.ResidentUnitRegistered;
import cn.changning.governance.partyregistry.domain.RegistryPlaces;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A resident unit (驻区单位): a company, social organisation or public body in the district, by category. */
public class ResidentUnit {

    @AggregateIdentifier
    private String unitId;
    private ResidentUnitRegistered registration;

    public ResidentUnit() {
        // for Axon
    }

    /**
     * Registers, or finds the same registration again (nothing new). Called by {@code Registrations} on the
     * aggregate it loaded or created: a registration is create-or-verify, see there.
     */
    public void register(RegisterResidentUnit command, Geography geography) {
        ResidentUnitRegistered registered = new ResidentUnitRegistered(command.unitId(), command.creditCode(),
                command.name(), command.category(), command.streetCode(), command.residentialAreaCode(),
                command.buildingId(), command.employees());
        if (registration != null) {
            if (!registration.equals(registered)) {
                throw DomainRuleViolation.conflict("resident-unit-registered-differently",
                        "Resident unit " + registration.creditCode() + " is registered already with other facts");
            }
            return;
        }
        RegistryPlaces.requireText(command.creditCode(), "creditCode", 64);
        RegistryPlaces.requireText(command.name(), "name", 200);
        if (command.category() == null) {
            throw DomainRuleViolation.invalid("category-missing", "category", "A resident unit needs its category");
        }
        RegistryPlaces.requirePlace(geography, command.streetCode(), command.residentialAreaCode());
        RegistryPlaces.requireNotNegative(command.employees(), "employees");
        apply(registered);
    }

    @EventSourcingHandler
    void on(ResidentUnitRegistered event) {
        unitId = event.unitId();
        registration = event;
    }
}
