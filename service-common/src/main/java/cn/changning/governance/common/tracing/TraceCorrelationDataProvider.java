package cn.changning.governance.common.tracing;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Axon's correlation data for the call that caused a message: while a command (or an event) is
 * handled, its {@code traceparent} and {@code requestId} are copied into every message it causes,
 * so the events a command applies carry the trace and request of the call that sent it.
 *
 * <p>A deadline is not part of the call that scheduled it, which may be days past: what its handler
 * causes carries neither (its own message still does, as Axon copied it when it was scheduled).</p>
 */
public class TraceCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (message instanceof DeadlineMessage<?>) {
            return Map.of();
        }
        MetaData metaData = message.getMetaData();
        Map<String, Object> data = new HashMap<>(2);
        copy(metaData, TraceMetadata.TRACEPARENT, data);
        copy(metaData, TraceMetadata.REQUEST_ID, data);
        return data;
    }

    private static void copy(MetaData from, String key, Map<String, Object> to) {
        Object value = from.get(key);
        if (value != null) {
            to.put(key, value);
        }
    }
}
