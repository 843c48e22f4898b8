package cn.changning.governance.partyregistry.domain.record;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.registry.ActivityRecorded;
import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory;
import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory.RegisteredOrganization;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A party activity held by an organisation (活动记录): recorded once, at the organisation's place, queryable by period and place. */
public class ActivityRecord {

    @AggregateIdentifier
    private String activityId;

    protected ActivityRecord() {
        // for Axon
    }

    @CommandHandler
    public ActivityRecord(RecordActivity command, OrganizationDirectory directory) {
        RecordRules.required(command.kind(), "kind");
        RecordRules.title(command.title(), "title");
        RecordRules.date(command.heldOn(), "heldOn");
        if (command.participants() < 0) {
            throw DomainRuleViolation.invalid("participants-negative", "participants", "participants may not be negative");
        }
        RecordRules.author(command.recordedBy());
        RegisteredOrganization organization = RecordRules.organization(directory, command.organizationId());
        apply(new ActivityRecorded(command.activityId(), organization.organizationId(), command.kind(), command.title(),
                command.heldOn(), command.participants(), organization.streetCode(), organization.residentialAreaCode(),
                command.recordedBy()));
    }

    @EventSourcingHandler
    void on(ActivityRecorded event) {
        activityId = event.activityId();
    }
}
