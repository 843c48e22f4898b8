package cn.changning.governance.common.commands;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.util.Optional;

/**
 * Refuses a command whose expected version ({@code @TargetAggregateVersion}, from the caller's
 * {@code If-Match}) is not the aggregate's current one before its handler runs. Axon itself compares
 * only when the unit of work commits, after the handler, so a stale caller whose action the current
 * state also refuses would learn of the rule (409/422) instead of being told to read again (412).
 * Commands without an expected version (policies, {@code If-Match: *}, creations) pass untouched.
 */
public final class ExpectedVersionCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final EventStore eventStore;
    private final AnnotationCommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    public ExpectedVersionCheck(EventStore eventStore) {
        this.eventStore = eventStore;
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
        if (expected != null) {
            Optional<Long> current = eventStore.lastSequenceNumberFor(target.getIdentifier());
            if (current.isPresent() && !current.get().equals(expected)) {
                throw new ConflictingAggregateVersionException(target.getIdentifier(), expected, current.get());
            }
        }
        return chain.proceed();
    }
}
