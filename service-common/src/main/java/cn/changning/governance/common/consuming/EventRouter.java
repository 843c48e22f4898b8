package cn.changning.governance.common.consuming;

import cn.changning.governance.contracts.EventTypes;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way a consumer turns a Kafka record into a contract event: by its exact
 * {@code ce_type}, name and version (e.g. {@code cn.changning.governance.case.CaseFiled.v1}),
 * into the record class registered for it, then to that type's handler.
 *
 * <ul>
 *   <li>a type the consumer registered: decoded and handled;</li>
 *   <li>a type it did not register (another event, or another context's): skipped;</li>
 *   <li>a registered event in a version the consumer does not know (a producer that moved on to
 *   {@code .v2}), or a body that does not decode: {@link PoisonEventException}, so the record
 *   goes to the dead letters instead of being read as the wrong thing.</li>
 * </ul>
 * Built once per consumer, then used from its consumer thread only. A projection that applies
 * events to something it holds (the document being built) passes that as the context {@code C}.
 *
 * @param <C> what the handlers are given besides the event; {@code Void} when nothing
 */
public final class EventRouter<C> {

    /** What a consumer does with one decoded event. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(EventRecord record, T event);
    }

    /** What a projection does with one decoded event and the thing it applies it to. */
    @FunctionalInterface
    public interface ContextHandler<C, T> {
        void handle(C context, EventRecord record, T event);
    }

    private static final Pattern VERSIONED = Pattern.compile("(.+)\\.v(\\d+)");

    private record Route<C, T>(Class<T> type, ContextHandler<C, ? super T> handler) {
        void handle(C context, EventRecord record, Object event) {
            handler.handle(context, record, type.cast(event));
        }
    }

    private final ObjectMapper objectMapper;
    /** By exact {@code ce_type}. */
    private final Map<String, Route<C, ?>> routes = new LinkedHashMap<>();
    /** By {@code ce_type} without its version: which version this consumer reads. */
    private final Map<String, String> versionsRead = new LinkedHashMap<>();

    private EventRouter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** A router whose handlers take the record and the event. */
    public static EventRouter<Void> using(ObjectMapper objectMapper) {
        return new EventRouter<>(objectMapper);
    }

    /** A router whose handlers also take a context of this type, given to {@link #route(Object, EventRecord)}. */
    public static <C> EventRouter<C> using(ObjectMapper objectMapper, Class<C> contextType) {
        return new EventRouter<>(objectMapper);
    }

    /** Hands every event of this type to the handler. */
    public <T> EventRouter<C> on(Class<T> type, Handler<? super T> handler) {
        return on(type, (ContextHandler<C, T>) (context, record, event) -> handler.handle(record, event));
    }

    /** Hands every event of this type, and the context it is routed with, to the handler. */
    public <T> EventRouter<C> on(Class<T> type, ContextHandler<C, ? super T> handler) {
        String cloudEventType = EventTypes.cloudEventType(type);
        if (routes.putIfAbsent(cloudEventType, new Route<>(type, handler)) != null) {
            throw new IllegalArgumentException(type.getSimpleName() + " is routed twice");
        }
        versionsRead.put(unversioned(cloudEventType), cloudEventType);
        return this;
    }

    /** Accepts these types for {@link #decode} without a handler of their own. */
    public EventRouter<C> accepting(Collection<Class<?>> types) {
        types.forEach(type -> on(type, (Handler<Object>) (record, event) -> { }));
        return this;
    }

    /**
     * Decodes the record and hands it to its type's handler.
     *
     * @return whether the record was one this consumer handles
     * @throws PoisonEventException for a version it does not know or a body that does not decode
     */
    public boolean route(EventRecord record) {
        return route(null, record);
    }

    /** As {@link #route(EventRecord)}, handing the handler this context too. */
    public boolean route(C context, EventRecord record) {
        Optional<Route<C, ?>> route = routeOf(record);
        if (route.isEmpty()) {
            return false;
        }
        route.get().handle(context, record, read(record, route.get().type()));
        return true;
    }

    /**
     * Decodes the record into its registered type, without handling it.
     *
     * @return empty for a type this consumer does not take
     * @throws PoisonEventException for a version it does not know or a body that does not decode
     */
    public Optional<Object> decode(EventRecord record) {
        return routeOf(record).map(route -> read(record, route.type()));
    }

    private Optional<Route<C, ?>> routeOf(EventRecord record) {
        String type = record.type();
        Route<C, ?> route = routes.get(type);
        if (route != null) {
            return Optional.of(route);
        }
        String read = versionsRead.get(unversioned(type));
        if (read != null) {
            throw new PoisonEventException(record, "version not known to this consumer, which reads " + read, null);
        }
        return Optional.empty();
    }

    private <T> T read(EventRecord record, Class<T> type) {
        T event;
        try {
            event = objectMapper.readValue(record.data(), type);
        } catch (IOException | RuntimeException e) {
            throw new PoisonEventException(record, "does not decode as " + type.getSimpleName() + ": " + firstLine(e), e);
        }
        if (event == null) {
            throw new PoisonEventException(record, "has no data (JSON null)", null);
        }
        return event;
    }

    private static String unversioned(String cloudEventType) {
        if (cloudEventType == null) {
            return "";
        }
        Matcher m = VERSIONED.matcher(cloudEventType);
        return m.matches() ? m.group(1) : cloudEventType;
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
