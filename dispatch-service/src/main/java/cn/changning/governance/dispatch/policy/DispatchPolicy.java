package cn.changning.governance.dispatch.policy;

import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.consuming.PoisonEventException;
import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseSentBackForRework;
import cn.changning.governance.contracts.dispatch.EscalationLevel;
import cn.changning.governance.dispatch.domain.DispatchCommands.IssueDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReworkPlan;
import cn.changning.governance.dispatch.domain.DispatchCommands.SendBackForRework;
import cn.changning.governance.dispatch.domain.DispatchOrderIds;
import cn.changning.governance.dispatch.domain.WorkingTimeDeadlines;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.PartyType;
import cn.changning.governance.reference.responsibility.ResponsibilityList;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Direct dispatch (派单直通车): reads the case topic and sends commands to dispatch orders. A filed case is issued
 * round 0 by the responsibility list; a case sent back for rework closes the previous round's order and issues the
 * next round to the same lead and assistants, with as much working time as the first round had.
 *
 * <p>Idempotent by construction: order ids derive from case id and round, so a redelivered event meets an order
 * that exists already (the create is refused and skipped) or an order that answers the same rework plan again.
 * An event that can never be dispatched (unknown item or street, a rule refusing it) goes to the dead letters.</p>
 */
public class DispatchPolicy implements EventBatchHandler.BatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(DispatchPolicy.class);

    private final CommandGateway commands;
    private final ResponsibilityList responsibilityList;
    private final AgencyDirectory agencies;
    private final WorkingTimeDeadlines deadlines;
    private final EventRouter<Void> router;
    private final Clock clock;

    public DispatchPolicy(CommandGateway commands, ResponsibilityList responsibilityList, AgencyDirectory agencies,
                          WorkingTimeDeadlines deadlines, ObjectMapper objectMapper, Clock clock) {
        this.commands = commands;
        this.responsibilityList = responsibilityList;
        this.agencies = agencies;
        this.deadlines = deadlines;
        this.clock = clock;
        this.router = EventRouter.using(objectMapper)
                .on(CaseFiled.class, this::onFiled)
                .on(CaseSentBackForRework.class, this::onSentBack);
    }

    @Override
    public void process(List<EventRecord> events) {
        events.forEach(router::route);
    }

    private void onFiled(EventRecord event, CaseFiled filed) {
        ResponsibilityList.Routing routing = responsibilityList
                .route(filed.itemCode(), filed.handlingType(), filed.persistentProblem(), filed.streetCode(), filed.gridCode())
                .orElseThrow(() -> new PoisonEventException(event, "item " + filed.itemCode() + " is not on the responsibility list", null));
        Agency lead = agency(event, filed.streetCode(), routing.leadType());
        List<Agency> assistants = routing.assistingTypes().stream().map(t -> agency(event, filed.streetCode(), t)).toList();
        Instant start = filed.filedAt() != null ? filed.filedAt() : event.time();
        if (filed.deadline() == null) {
            throw new PoisonEventException(event, "CaseFiled carries no deadline", null);
        }
        issue(event, new IssueDispatchOrder(DispatchOrderIds.of(filed.caseId(), 0), filed.caseId(), 0,
                filed.itemCode(), filed.itemClass(), filed.handlingType(), filed.persistentProblem(),
                filed.gridCode(), filed.streetCode(), lead.id(), lead.type().name(),
                assistants.stream().map(Agency::id).toList(), assistants.stream().map(a -> a.type().name()).toList(),
                routing.districtCoordinated() ? EscalationLevel.DISTRICT : EscalationLevel.STREET,
                start, filed.deadline(), clock.instant()));
    }

    private void onSentBack(EventRecord event, CaseSentBackForRework sentBack) {
        int round = sentBack.reworkRound();
        if (round < 1) {
            throw new PoisonEventException(event, "rework round must be 1 or more, was " + round, null);
        }
        Instant at = sentBack.sentBackAt() != null ? sentBack.sentBackAt() : event.time();
        ReworkPlan plan = send(event, new SendBackForRework(DispatchOrderIds.of(sentBack.caseId(), round - 1), round,
                sentBack.reason(), at));
        // Types follow the agencies actually on the order: a reassigned lead keeps its new agency.
        issue(event, new IssueDispatchOrder(DispatchOrderIds.of(plan.caseId(), round), plan.caseId(), round,
                plan.itemCode(), plan.itemClass(), plan.handlingType(), plan.persistentProblem(), plan.gridCode(),
                plan.streetCode(), plan.leadAgencyId(), typeOf(plan.leadAgencyId()), plan.assistingAgencyIds(),
                plan.assistingAgencyIds().stream().map(this::typeOf).toList(), plan.followedUpBy(), at,
                deadlines.reworkDeadline(at, plan.originalStartedAt(), plan.originalDeadline()), clock.instant()));
    }

    private void issue(EventRecord event, IssueDispatchOrder command) {
        try {
            send(event, command);
        } catch (AggregateStreamCreationException alreadyIssued) {
            log.debug("order {} was issued already (redelivered {})", command.orderId(), event.id());
        }
    }

    private <R> R send(EventRecord event, Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof DomainRuleViolation violation) {
                throw new PoisonEventException(event, violation.getMessage(), violation);
            }
            throw e;
        } catch (DomainRuleViolation | AggregateNotFoundException e) {
            throw new PoisonEventException(event, e.getMessage(), e);
        }
    }

    private Agency agency(EventRecord event, String streetCode, PartyType type) {
        return agencies.inStreet(streetCode, type).orElseThrow(() ->
                new PoisonEventException(event, "no " + type + " in street " + streetCode, null));
    }

    private String typeOf(String agencyId) {
        return agencies.find(agencyId).map(a -> a.type().name()).orElse(null);
    }
}
