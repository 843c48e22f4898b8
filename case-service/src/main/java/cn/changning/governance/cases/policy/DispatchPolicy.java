package cn.changning.governance.cases.policy;

import cn.changning.governance.cases.domain.MarkCaseDispatched;
import cn.changning.governance.cases.domain.MarkCaseHandled;
import cn.changning.governance.cases.domain.SetRoundDeadline;
import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.consuming.PoisonEventException;
import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.common.policy.PolicyCommands;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionApproved;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Moves cases along as the dispatch service reports: an order issued makes the case DISPATCHED,
 * an order handled makes it HANDLED (DISPATCHED first, if the case had not heard of the order yet), an
 * extension granted to the order moves the case's round deadline with it. Each command's id is derived from the incoming event's id,
 * and the case itself ignores an order it has seen and any order of a round it has left behind,
 * so redelivery and late, older events change nothing.
 *
 * <p>An order for a case this service never had is poison (dead letter); an order the case's
 * rules refuse (e.g. for a rejected duplicate) is logged and counted, since retrying cannot help.
 */
public class DispatchPolicy implements EventBatchHandler.BatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(DispatchPolicy.class);

    private final PolicyCommands commands;
    private final EventRouter<Void> router;
    private final Counter refused;

    public DispatchPolicy(CommandGateway commands, ObjectMapper objectMapper, MeterRegistry meterRegistry) {
        this.commands = new PolicyCommands("case-dispatch-policy", commands);
        this.router = EventRouter.using(objectMapper)
                .on(DispatchOrderIssued.class, this::onIssued)
                .on(DispatchOrderHandled.class, this::onHandled)
                .on(DispatchOrderExtensionApproved.class, this::onExtensionApproved);
        this.refused = Counter.builder("governance.cases.policy.refused")
                .description("Dispatch events the case refused to follow (see the log)")
                .tag("policy", "dispatch")
                .register(meterRegistry);
    }

    @Override
    public void process(List<EventRecord> events) {
        events.forEach(router::route);
    }

    private void onIssued(EventRecord event, DispatchOrderIssued e) {
        requireIds(event, e.caseId(), e.orderId());
        send(event, new MarkCaseDispatched(e.caseId(), e.orderId(), e.round(), e.leadAgencyId(),
                e.assistingAgencyIds(), e.issuedAt()));
    }

    private void onHandled(EventRecord event, DispatchOrderHandled e) {
        requireIds(event, e.caseId(), e.orderId());
        send(event, new MarkCaseHandled(e.caseId(), e.orderId(), e.round(), e.leadAgencyId(), e.result(),
                e.onTime(), e.handledAt()));
    }

    private static void requireIds(EventRecord event, String caseId, String orderId) {
        if (caseId == null || caseId.isBlank() || orderId == null || orderId.isBlank()) {
            throw new PoisonEventException(event, "an order event needs its caseId and orderId", null);
        }
    }

    /** The round's order was granted more time: the case's round is due then too (one deadline, both sides). */
    private void onExtensionApproved(EventRecord event, DispatchOrderExtensionApproved e) {
        requireIds(event, e.caseId(), e.orderId());
        send(event, new SetRoundDeadline(e.caseId(), e.orderId(), e.deadline(), e.approvedAt()));
    }

    private void send(EventRecord event, Object command) {
        try {
            commands.send(event, "case", command);
        } catch (AggregateNotFoundException e) {
            throw new PoisonEventException(event, "names a case this service does not have", e);
        } catch (DomainRuleViolation e) {
            refused.increment();
            log.warn("{} {} (order {}) refused by the case: {} ({})", event.eventName(), event.id(), event.subject(), e.getMessage(), e.code());
        }
    }
}
