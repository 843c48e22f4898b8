package cn.changning.governance.partyregistry.domain.tradeunion;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.registry.TradeUnionRegistered;
import cn.changning.governance.partyregistry.domain.RegistryPlaces;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A trade union (工会), in a street and perhaps a resident unit, with its number of members. */
public class TradeUnion {

    @AggregateIdentifier
    private String tradeUnionId;
    private TradeUnionRegistered registration;

    public TradeUnion() {
        // for Axon
    }

    /**
     * Registers, or finds the same registration again (nothing new). Called by {@code Registrations} on the
     * aggregate it loaded or created: a registration is create-or-verify, see there.
     */
    public void register(RegisterTradeUnion command, Geography geography) {
        TradeUnionRegistered registered = new TradeUnionRegistered(command.tradeUnionId(), command.code(), command.name(),
                command.streetCode(), command.unitId(), command.members());
        if (registration != null) {
            if (!registration.equals(registered)) {
                throw DomainRuleViolation.conflict("trade-union-registered-differently",
                        "TradeUnion " + registration.code() + " is registered already with other facts");
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
    void on(TradeUnionRegistered event) {
        tradeUnionId = event.tradeUnionId();
        registration = event;
    }
}
