package cn.changning.governance.dispatch.policy;

import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.consuming.PoisonEventException;
import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.common.policy.PolicyCommands;
import cn.changning.governance.contracts.cases.CaseDuplicateLinked;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseRejected;
import cn.changning.governance.contracts.cases.CaseReopened;
import cn.changning.governance.contracts.cases.CaseResumed;
import cn.changning.governance.contracts.cases.CaseSentBackForRework;
import cn.changning.governance.contracts.cases.CaseSuspended;
import cn.changning.governance.contracts.cases.RejectionReason;
import cn.changning.governance.contracts.dispatch.EscalationLevel;
import cn.changning.governance.contracts.dispatch.WithdrawalReason;
import cn.changning.governance.dispatch.domain.DispatchCommands.IssueDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.PauseDispatchOrderClock;
import cn.changning.governance.dispatch.domain.DispatchCommands.ResumeDispatchOrderClock;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReworkPlan;
import cn.changning.governance.dispatch.domain.DispatchCommands.SendBackForRework;
import cn.changning.governance.dispatch.domain.DispatchCommands.WithdrawDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchOrderIds;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.PartyType;
import cn.changning.governance.reference.calendar.RoundDeadlines;
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
import java.util.function.Function;

/**
 * Direct dispatch (派单直通车): reads the case topic and sends commands to dispatch orders. A filed case is issued
 * round 0 by the responsibility list; a case sent back for rework or reopened closes the previous round's order and
 * issues the next round to the same lead and assistants, with as much working time as the first round had. A case
 * put on hold pauses its orders' clocks and a resumed one resumes them (the time left, in working time); a case
 * rejected, or linked by its original as a duplicate, has its orders withdrawn.
 *
 * <p>Idempotent by construction: order ids derive from case id and round, so a redelivered event meets an order
 * that exists already (the create is refused and skipped) or an order that answers the same rework plan again.
 * An event that can never be dispatched (unknown item or street, a rule refusing it) goes to the dead letters.</p>
 */
public class DispatchPolicy implements EventBatchHandler.BatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(DispatchPolicy.class);

    private final PolicyCommands commands;
    private final ResponsibilityList responsibilityList;
    private final AgencyDirectory agencies;
    private final RoundDeadlines roundDeadlines;
    private final EventRouter<Void> router;
    private final Clock clock;

    public DispatchPolicy(CommandGateway commands, ResponsibilityList responsibilityList, AgencyDirectory agencies,
                          RoundDeadlines roundDeadlines, ObjectMapper objectMapper, Clock clock) {
        this.commands = new PolicyCommands("dispatch-policy", commands);
        this.responsibilityList = responsibilityList;
        this.agencies = agencies;
        this.roundDeadlines = roundDeadlines;
        this.clock = clock;
        this.router = EventRouter.using(objectMapper)
                .on(CaseFiled.class, this::onFiled)
                .on(CaseSentBackForRework.class, (event, e) -> nextRound(event, e.caseId(), e.reworkRound(), e.reason(), e.sentBackAt()))
                .on(CaseReopened.class, (event, e) -> nextRound(event, e.caseId(), e.reworkRound(), e.reason(), e.reopenedAt()))
                .on(CaseSuspended.class, (event, e) -> everyOrderOf(event, e.caseId(),
                        orderId -> new PauseDispatchOrderClock(orderId, e.suspendedAt())))
                .on(CaseResumed.class, (event, e) -> everyOrderOf(event, e.caseId(),
                        orderId -> new ResumeDispatchOrderClock(orderId, e.resumedAt())))
                .on(CaseDuplicateLinked.class, (event, e) -> everyOrderOf(event, e.duplicateCaseId(),
                        orderId -> new WithdrawDispatchOrder(orderId, WithdrawalReason.CASE_LINKED_AS_DUPLICATE, e.linkedAt())))
                .on(CaseRejected.class, (event, e) -> {
                    if (e.reason() != RejectionReason.DUPLICATE) { // a duplicate's orders go once its original has linked it
                        everyOrderOf(event, e.caseId(), orderId -> new WithdrawDispatchOrder(orderId, WithdrawalReason.CASE_REJECTED,
                                e.rejectedAt()));
                    }
                });
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

    /**
     * A case sent back for rework, or reopened after closing, owes a new round: the previous round's order is
     * closed as reworked and the next one goes to the agencies that had the last round, with round 0's
     * working time again from the moment the case was sent back or reopened ({@link RoundDeadlines#nextRound}).
     */
    private void nextRound(EventRecord event, String caseId, int round, String reason, Instant eventAt) {
        if (round < 1) {
            throw new PoisonEventException(event, "rework round must be 1 or more, was " + round, null);
        }
        Instant at = eventAt != null ? eventAt : event.time();
        ReworkPlan plan = send(event, "send-back", new SendBackForRework(DispatchOrderIds.of(caseId, round - 1), round, reason, at));
        // Types follow the agencies actually on the order: a reassigned lead keeps its new agency.
        issue(event, new IssueDispatchOrder(DispatchOrderIds.of(plan.caseId(), round), plan.caseId(), round,
                plan.itemCode(), plan.itemClass(), plan.handlingType(), plan.persistentProblem(), plan.gridCode(),
                plan.streetCode(), plan.leadAgencyId(), typeOf(plan.leadAgencyId()), plan.assistingAgencyIds(),
                plan.assistingAgencyIds().stream().map(this::typeOf).toList(), plan.followedUpBy(), at,
                roundDeadlines.nextRound(at, plan.originalStartedAt(), plan.originalDeadline()), clock.instant()));
    }

    /**
     * Sends the command to every order the case has had, round 0 upwards, until a round has none. The
     * orders that are closed (handled, reworked, withdrawn) take it as a no-op; the open one acts on it.
     * Order ids follow the case and round ({@link DispatchOrderIds}), so no state is kept here.
     */
    private void everyOrderOf(EventRecord event, String caseId, Function<String, Object> command) {
        for (int round = 0; ; round++) {
            try {
                String orderId = DispatchOrderIds.of(caseId, round);
                send(event, orderId, command.apply(orderId));
            } catch (PoisonEventException e) {
                if (e.getCause() instanceof AggregateNotFoundException) {
                    return; // no order of this round: the case has had no more
                }
                throw e;
            }
        }
    }

    private void issue(EventRecord event, IssueDispatchOrder command) {
        try {
            send(event, "issue", command);
        } catch (AggregateStreamCreationException alreadyIssued) {
            log.debug("order {} was issued already (redelivered {})", command.orderId(), event.id());
        }
    }

    /** Sends with an id derived from the event and the step, so a redelivered event repeats the same command. */
    private <R> R send(EventRecord event, String step, Object command) {
        try {
            return commands.send(event, step, command);
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
