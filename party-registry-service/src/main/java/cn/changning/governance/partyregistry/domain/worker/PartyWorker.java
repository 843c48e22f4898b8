package cn.changning.governance.partyregistry.domain.worker;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.registry.PartyWorkerRegistered;
import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.partyregistry.domain.RegistryPlaces;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A party-and-mass worker (党群工作者) of a street; full-time ones count for the one-per-150 "two new" target. */
public class PartyWorker {

    @AggregateIdentifier
    private String workerId;
    private PartyWorkerRegistered registration;

    public PartyWorker() {
        // for Axon
    }

    /**
     * Registers, or finds the same registration again (nothing new). Called by {@code Registrations} on the
     * aggregate it loaded or created: a registration is create-or-verify, see there.
     */
    public void register(RegisterPartyWorker command, Geography geography) {
        if (registration != null) {
            // The sealed name differs on every sealing (a fresh nonce): the facts in clear decide.
            boolean same = Objects.equals(registration.staffNumber(), command.staffNumber())
                    && Objects.equals(registration.streetCode(), command.streetCode())
                    && registration.fullTime() == command.fullTime();
            if (!same) {
                throw DomainRuleViolation.conflict("party-worker-registered-differently",
                        "Party worker " + registration.staffNumber() + " is registered already with other facts");
            }
            return;
        }
        RegistryPlaces.requireText(command.staffNumber(), "staffNumber", 64);
        String subject = RegistryIds.workerSubject(command.workerId());
        if (command.name() == null) {
            throw DomainRuleViolation.invalid("name-missing", "name", "A party worker's name is required");
        }
        if (!subject.equals(command.name().subject()) || command.name().ciphertext() == null) {
            throw DomainRuleViolation.invalid("name-not-sealed-for-worker", "name", "The name must be sealed for " + subject);
        }
        RegistryPlaces.requireStreet(geography, command.streetCode());
        apply(new PartyWorkerRegistered(command.workerId(), command.staffNumber(), command.name(), command.streetCode(),
                command.fullTime()));
    }

    @EventSourcingHandler
    void on(PartyWorkerRegistered event) {
        workerId = event.workerId();
        registration = event;
    }
}
