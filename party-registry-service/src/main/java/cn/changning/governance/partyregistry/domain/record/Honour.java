package cn.changning.governance.partyregistry.domain.record;

import cn.changning.governance.contracts.registry.HonourAwarded;
import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory;
import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory.RegisteredOrganization;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An honour conferred on an organisation or a member (荣誉展示): recorded once, at the organisation's place, queryable by period and place. */
public class Honour {

    @AggregateIdentifier
    private String honourId;

    protected Honour() {
        // for Axon
    }

    @CommandHandler
    public Honour(AwardHonour command, OrganizationDirectory directory) {
        RecordRules.title(command.title(), "title");
        RecordRules.required(command.level(), "level");
        RecordRules.date(command.awardedOn(), "awardedOn");
        RecordRules.author(command.recordedBy());
        RegisteredOrganization organization = RecordRules.organization(directory, command.organizationId());
        apply(new HonourAwarded(command.honourId(), organization.organizationId(), command.memberId(), command.title(),
                command.level(), command.awardedOn(), organization.streetCode(), organization.residentialAreaCode(),
                command.recordedBy()));
    }

    @EventSourcingHandler
    void on(HonourAwarded event) {
        honourId = event.honourId();
    }
}
