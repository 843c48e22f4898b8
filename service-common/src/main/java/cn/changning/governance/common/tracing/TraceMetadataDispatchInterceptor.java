package cn.changning.governance.common.tracing;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Adds the sending request's {@code traceparent} and {@code requestId} to a command's metadata
 * where it has none. A command sent inside a unit of work (an event handler's) already carries
 * them as correlation data, and a policy's command carries those of the event it reacts to
 * ({@code PolicyCommands}); what is given is never replaced.
 */
public class TraceMetadataDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final Supplier<String> currentTraceparent;
    private final Supplier<String> currentRequestId;

    /**
     * @param currentTraceparent the span of the sending thread, or null
     * @param currentRequestId   the request id of the sending thread, or null
     */
    public TraceMetadataDispatchInterceptor(Supplier<String> currentTraceparent, Supplier<String> currentRequestId) {
        this.currentTraceparent = currentTraceparent;
        this.currentRequestId = currentRequestId;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> withTraceMetadata(command);
    }

    CommandMessage<?> withTraceMetadata(CommandMessage<?> command) {
        MetaData metaData = command.getMetaData();
        Map<String, String> added = new HashMap<>(2);
        if (!metaData.containsKey(TraceMetadata.TRACEPARENT)) {
            putIfPresent(added, TraceMetadata.TRACEPARENT, currentTraceparent.get());
        }
        if (!metaData.containsKey(TraceMetadata.REQUEST_ID)) {
            putIfPresent(added, TraceMetadata.REQUEST_ID, currentRequestId.get());
        }
        return added.isEmpty() ? command : command.andMetaData(added);
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }
}
