package cn.changning.governance.partyregistry.domain.tradeunion;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.registry.TradeUnionRegistered;
import cn.changning.governance.partyregistry.domain.AggregateVersions;
import cn.changning.governance.partyregistry.domain.RegistryPlaces;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A trade union (工会), in a street and perhaps a resident unit, with its number of members. */
public class TradeUnion {

    @AggregateIdentifier
    private String tradeUnionId;
    private TradeUnionRegistered registration;

    protected TradeUnion() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RegisterTradeUnion command, Geography geography) {
        TradeUnionRegistered registered = new TradeUnionRegistered(command.tradeUnionId(), command.code(), command.name(),
                command.streetCode(), command.unitId(), command.members());
        if (registration != null) {
            if (!registration.equals(registered)) {
                throw DomainRuleViolation.conflict("trade-union-registered-differently",
                        "TradeUnion " + registration.code() + " is registered already with other facts");
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
    void on(TradeUnionRegistered event) {
        tradeUnionId = event.tradeUnionId();
        registration = event;
    }
}
