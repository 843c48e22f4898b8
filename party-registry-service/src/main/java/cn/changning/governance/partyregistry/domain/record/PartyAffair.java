package cn.changning.governance.partyregistry.domain.record;

import cn.changning.governance.contracts.registry.PartyAffairRecorded;
import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory;
import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory.RegisteredOrganization;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A piece of an organisation's party business (党务管理): recorded once, at the organisation's place, queryable by period and place. */
public class PartyAffair {

    @AggregateIdentifier
    private String affairId;

    protected PartyAffair() {
        // for Axon
    }

    @CommandHandler
    public PartyAffair(RecordPartyAffair command, OrganizationDirectory directory) {
        RecordRules.required(command.kind(), "kind");
        RecordRules.date(command.occurredOn(), "occurredOn");
        RecordRules.text(command.description(), "description", RecordRules.MAX_TEXT);
        RecordRules.author(command.recordedBy());
        RegisteredOrganization organization = RecordRules.organization(directory, command.organizationId());
        apply(new PartyAffairRecorded(command.affairId(), organization.organizationId(), command.kind(),
                command.occurredOn(), command.description(), organization.streetCode(),
                organization.residentialAreaCode(), command.recordedBy()));
    }

    @EventSourcingHandler
    void on(PartyAffairRecorded event) {
        affairId = event.affairId();
    }
}
