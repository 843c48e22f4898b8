package cn.changning.governance.common.policy;

import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.RequestIds;
import cn.changning.governance.common.tracing.TraceContexts;
import cn.changning.governance.common.tracing.TraceMetadata;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * How a policy sends a command in reaction to an event: the command's id is derived from the policy,
 * the step and the event's id (a redelivered event sends the same command), its metadata names the event
 * that caused it and carries that event's trace and request id where it has valid ones (so a partner's
 * call can be followed through the policy to the events it causes), and a rule the aggregate refuses
 * arrives as the {@link DomainRuleViolation} itself, whether the command bus wrapped it or not.
 */
public final class PolicyCommands {

    private final String policy;
    private final CommandGateway gateway;

    /** @param policy the policy's name, part of every command id it derives */
    public PolicyCommands(String policy, CommandGateway gateway) {
        this.policy = policy;
        this.gateway = gateway;
    }

    /**
     * @param step tells apart several commands sent for one event
     * @return the command's result
     * @throws DomainRuleViolation when the aggregate refuses the command
     */
    public <R> R send(EventRecord cause, String step, Object command) {
        String commandId = UUID.nameUUIDFromBytes((policy + ":" + step + ":" + cause.id()).getBytes(StandardCharsets.UTF_8)).toString();
        MetaData metaData = MetaData.with("sourceEventId", cause.id()).and("sourceEventType", cause.type());
        if (TraceContexts.isValidTraceparent(cause.traceparent())) {
            metaData = metaData.and(TraceMetadata.TRACEPARENT, cause.traceparent());
        }
        if (RequestIds.isSane(cause.requestId())) {
            metaData = metaData.and(TraceMetadata.REQUEST_ID, cause.requestId());
        }
        try {
            return gateway.sendAndWait(new GenericCommandMessage<>(new GenericMessage<>(commandId, command, metaData),
                    command.getClass().getName()));
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof DomainRuleViolation violation) {
                throw violation;
            }
            throw e;
        }
    }
}
