package cn.changning.governance.partyregistry.domain.record;

import cn.changning.governance.contracts.registry.VisitLogged;
import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory;
import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory.RegisteredOrganization;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A visit by an organisation's member to a unit or household (走访日志): recorded once, at the organisation's place, queryable by period and place. */
public class VisitLog {

    @AggregateIdentifier
    private String visitId;

    protected VisitLog() {
        // for Axon
    }

    @CommandHandler
    public VisitLog(LogVisit command, OrganizationDirectory directory) {
        RecordRules.title(command.purpose(), "purpose");
        RecordRules.text(command.summary(), "summary", RecordRules.MAX_TEXT);
        RecordRules.date(command.visitedOn(), "visitedOn");
        RecordRules.author(command.recordedBy());
        RegisteredOrganization organization = RecordRules.organization(directory, command.organizationId());
        apply(new VisitLogged(command.visitId(), organization.organizationId(), command.visitorMemberId(),
                command.visitedUnitId(), command.visitedOn(), command.purpose(), command.summary(),
                organization.streetCode(), organization.residentialAreaCode(), command.recordedBy()));
    }

    @EventSourcingHandler
    void on(VisitLogged event) {
        visitId = event.visitId();
    }
}
