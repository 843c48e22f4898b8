package cn.changning.governance.common.commands;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.reflect.Executable;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Refuses a command whose expected version ({@code @TargetAggregateVersion}, from the caller's
 * {@code If-Match}) is not the aggregate's current one before its handler runs. Axon itself compares
 * only when the unit of work commits, after the handler, so a stale caller whose action the current
 * state also refuses would learn of the rule (409/422) instead of being told to read again (412).
 * Commands without an expected version (policies, {@code If-Match: *}, creations) pass this check.
 *
 * <p>A command to an aggregate that has no events (an unknown id, which any client may send) is refused here
 * with {@link AggregateNotFoundException} (404) before the repository tries to load it: the repository logs every
 * failed load at WARN with the whole stack trace, one per refused request. Creations (the aggregates'
 * {@code @CommandHandler} constructors, and handlers with {@code @CreationPolicy(CREATE_IF_MISSING)} or
 * {@code ALWAYS}) pass.</p>
 */
public final class ExpectedVersionCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final EventStore eventStore;
    private final Set<Class<?>> creations;
    private final AnnotationCommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    /**
     * @param aggregateTypes the aggregates whose {@code @CommandHandler} constructors create them: their commands
     *                       are let through to an id without events
     */
    public ExpectedVersionCheck(EventStore eventStore, Collection<Class<?>> aggregateTypes) {
        this.eventStore = eventStore;
        this.creations = aggregateTypes.stream().flatMap(ExpectedVersionCheck::creatingHandlers)
                .filter(h -> h.isAnnotationPresent(CommandHandler.class) && h.getParameterCount() > 0)
                .map(h -> h.getParameterTypes()[0]).collect(Collectors.toUnmodifiableSet());
    }

    /** The constructors, and the methods whose creation policy lets them run on an aggregate that does not exist yet. */
    private static Stream<Executable> creatingHandlers(Class<?> type) {
        Stream<Executable> methods = Arrays.stream(type.getDeclaredMethods()).map(Executable.class::cast)
                .filter(m -> m.isAnnotationPresent(CreationPolicy.class)
                        && m.getAnnotation(CreationPolicy.class).value() != AggregateCreationPolicy.NEVER);
        return Stream.concat(Arrays.stream(type.getDeclaredConstructors()), methods);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        VersionedAggregateIdentifier target;
        try {
            target = targets.resolveTarget(unitOfWork.getMessage());
        } catch (IllegalArgumentException noTarget) {
            return chain.proceed(); // a creation, or a command of no aggregate
        }
        Long expected = target.getVersion();
        if (creations.contains(unitOfWork.getMessage().getPayloadType())) {
            // A create-if-missing command that names a version expects the aggregate at that version: one that does not
            // exist yet is not at it (412), as one at another version is not; without a version (If-Match: *) it creates.
            if (expected != null) {
                long actual = eventStore.lastSequenceNumberFor(target.getIdentifier()).orElse(-1L);
                if (actual != expected) {
                    throw new ConflictingAggregateVersionException(target.getIdentifier(), expected, actual);
                }
            }
            return chain.proceed();
        }
        Optional<Long> current = eventStore.lastSequenceNumberFor(target.getIdentifier());
        if (current.isEmpty()) {
            throw new AggregateNotFoundException(target.getIdentifier(), "No aggregate with id " + target.getIdentifier());
        }
        if (expected != null && !current.get().equals(expected)) {
            throw new ConflictingAggregateVersionException(target.getIdentifier(), expected, current.get());
        }
        return chain.proceed();
    }
}
