package cn.changning.governance.common.commands;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which commands reach their handler: creations (constructors, CREATE_IF_MISSING) always; others only for an aggregate that exists, at the version the caller expects. */
class ExpectedVersionCheckTest {

    record Open(@TargetAggregateIdentifier String id) {
    }

    record OpenOrVerify(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {

        OpenOrVerify(String id) {
            this(id, null);
        }
    }

    record Rename(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    static class Ledger {
        @CommandHandler
        Ledger(Open command) {
        }

        @CommandHandler
        @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
        void handle(OpenOrVerify command) {
        }

        @CommandHandler
        void handle(Rename command) {
        }
    }

    private final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final ExpectedVersionCheck check = new ExpectedVersionCheck(events, List.of(Ledger.class));

    @Test
    void creationsReachTheirHandlerForAnIdWithoutEvents() throws Exception {
        assertThat(send(new Open("a"))).isEqualTo("handled");
        assertThat(send(new OpenOrVerify("b"))).isEqualTo("handled");
    }

    @Test
    void aCreateIfMissingCommandThatNamesAVersionNeedsTheAggregateAtIt() throws Exception {
        assertThatThrownBy(() -> send(new OpenOrVerify("e", 0L))).isInstanceOf(ConflictingAggregateVersionException.class);
        DefaultUnitOfWork.startAndGet(null).execute(() -> events.publish(new GenericDomainEventMessage<>("Ledger", "e", 0, "opened")));
        assertThatThrownBy(() -> send(new OpenOrVerify("e", 1L))).isInstanceOf(ConflictingAggregateVersionException.class);
        assertThat(send(new OpenOrVerify("e", 0L))).isEqualTo("handled");
    }

    @Test
    void otherCommandsToAnIdWithoutEventsAreNotFound() {
        assertThatThrownBy(() -> send(new Rename("c", null))).isInstanceOf(AggregateNotFoundException.class);
    }

    @Test
    void aStaleExpectedVersionIsAConflictAndTheCurrentOnePasses() throws Exception {
        DefaultUnitOfWork.startAndGet(null).execute(() -> events.publish(
                new GenericDomainEventMessage<>("Ledger", "d", 0, "opened"),
                new GenericDomainEventMessage<>("Ledger", "d", 1, "renamed")));
        assertThatThrownBy(() -> send(new Rename("d", 0L))).isInstanceOf(ConflictingAggregateVersionException.class);
        assertThat(send(new Rename("d", 1L))).isEqualTo("handled");
        assertThat(send(new Rename("d", null))).isEqualTo("handled");
    }

    private Object send(Object command) throws Exception {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command));
        try {
            @SuppressWarnings("unchecked")
            var typed = (org.axonframework.messaging.unitofwork.UnitOfWork<org.axonframework.commandhandling.CommandMessage<?>>) (Object) unitOfWork;
            return check.handle(typed, () -> "handled");
        } finally {
            unitOfWork.rollback();
        }
    }
}
