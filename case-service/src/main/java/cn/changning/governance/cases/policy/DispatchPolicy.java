package cn.changning.governance.cases.policy;

import cn.changning.governance.cases.domain.MarkCaseDispatched;
import cn.changning.governance.cases.domain.MarkCaseHandled;
import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.consuming.PoisonEventException;
import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Moves cases along as the dispatch service reports: an order issued makes the case DISPATCHED,
 * an order handled makes it HANDLED. Each command's id is derived from the incoming event's id,
 * and the case itself ignores an order it has seen and any order of a round it has left behind,
 * so redelivery and late, older events change nothing.
 *
 * <p>An order for a case this service never had is poison (dead letter); an order the case's
 * rules refuse (e.g. for a rejected duplicate) is logged and counted, since retrying cannot help.
 */
public class DispatchPolicy implements EventBatchHandler.BatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(DispatchPolicy.class);

    private final CommandGateway commands;
    private final EventRouter<Void> router;
    private final Counter refused;

    public DispatchPolicy(CommandGateway commands, ObjectMapper objectMapper, MeterRegistry meterRegistry) {
        this.commands = commands;
        this.router = EventRouter.using(objectMapper)
                .on(DispatchOrderIssued.class, this::onIssued)
                .on(DispatchOrderHandled.class, this::onHandled);
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

    private void send(EventRecord event, Object command) {
        String commandId = UUID.nameUUIDFromBytes(("case-dispatch-policy:" + event.id()).getBytes(StandardCharsets.UTF_8)).toString();
        MetaData metaData = MetaData.with("sourceEventId", event.id()).and("sourceEventType", event.type());
        try {
            commands.sendAndWait(new GenericCommandMessage<>(new GenericMessage<>(commandId, command, metaData),
                    command.getClass().getName()));
        } catch (AggregateNotFoundException e) {
            throw new PoisonEventException(event, "names a case this service does not have", e);
        } catch (DomainRuleViolation e) {
            refused.increment();
            log.warn("{} {} (order {}) refused by the case: {} ({})", event.eventName(), event.id(), event.subject(), e.getMessage(), e.code());
        }
    }
}
