package cn.changning.governance.partyregistry.domain.unit;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.registry.ResidentUnitRegistered;
import cn.changning.governance.partyregistry.domain.AggregateVersions;
import cn.changning.governance.partyregistry.domain.RegistryPlaces;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A resident unit (驻区单位): a company, social organisation or public body in the district, by category. */
public class ResidentUnit {

    @AggregateIdentifier
    private String unitId;
    private ResidentUnitRegistered registration;

    protected ResidentUnit() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RegisterResidentUnit command, Geography geography) {
        ResidentUnitRegistered registered = new ResidentUnitRegistered(command.unitId(), command.creditCode(),
                command.name(), command.category(), command.streetCode(), command.residentialAreaCode(),
                command.buildingId(), command.employees());
        if (registration != null) {
            if (!registration.equals(registered)) {
                throw DomainRuleViolation.conflict("resident-unit-registered-differently",
                        "Resident unit " + registration.creditCode() + " is registered already with other facts");
            }
            return AggregateVersions.current();
        }
        RegistryPlaces.requireText(command.creditCode(), "creditCode", 64);
        RegistryPlaces.requireText(command.name(), "name", 200);
        if (command.category() == null) {
            throw DomainRuleViolation.invalid("category-missing", "category", "A resident unit needs its category");
        }
        RegistryPlaces.requirePlace(geography, command.streetCode(), command.residentialAreaCode());
        RegistryPlaces.requireNotNegative(command.employees(), "employees");
        apply(registered);
        return AggregateVersions.current();
    }

    @EventSourcingHandler
    void on(ResidentUnitRegistered event) {
        unitId = event.unitId();
        registration = event;
    }
}
