package cn.changning.governance.common.tracing;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The correlation provider and the dispatch interceptor on a real Axon command bus, wired as the
 * service's configuration wires them: what a command handler causes carries the sending call's
 * trace and request id.
 */
class TraceCorrelationTest {

    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    final AtomicReference<String> currentTraceparent = new AtomicReference<>();
    final AtomicReference<String> currentRequestId = new AtomicReference<>();
    final AtomicReference<CommandMessage<?>> handled = new AtomicReference<>();
    final AtomicReference<EventMessage<?>> caused = new AtomicReference<>();
    final CommandGateway gateway = gateway();

    @Test
    void aCommandSentDuringARequestCarriesItsTraceAndTheEventsItCausesInheritIt() {
        currentTraceparent.set(TRACEPARENT);
        currentRequestId.set("req-1");

        gateway.sendAndWait("report");

        assertThat(handled.get().getMetaData()).containsEntry("traceparent", TRACEPARENT).containsEntry("requestId", "req-1");
        assertThat(caused.get().getMetaData()).containsEntry("traceparent", TRACEPARENT).containsEntry("requestId", "req-1");
        assertThat(caused.get().getMetaData()).as("Axon's own correlation is kept")
                .containsEntry("correlationId", handled.get().getIdentifier())
                .containsEntry("traceId", handled.get().getIdentifier());
    }

    @Test
    void whatTheCommandCarriesIsNeverReplaced() {
        currentTraceparent.set(TRACEPARENT);
        currentRequestId.set("req-now");
        String policyTrace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00";

        gateway.sendAndWait(new GenericCommandMessage<>(new GenericMessage<>("report",
                MetaData.with("traceparent", policyTrace).and("requestId", "req-then")), "java.lang.String"));

        assertThat(caused.get().getMetaData()).containsEntry("traceparent", policyTrace).containsEntry("requestId", "req-then");
    }

    @Test
    void aCommandSentOutsideAnyCallCarriesNeither() {
        gateway.sendAndWait("report");

        assertThat(handled.get().getMetaData()).doesNotContainKeys("traceparent", "requestId");
        assertThat(caused.get().getMetaData()).doesNotContainKeys("traceparent", "requestId");
    }

    @Test
    void theProviderCopiesTheTwoKeysAndNothingElse() {
        TraceCorrelationDataProvider provider = new TraceCorrelationDataProvider();
        Map<String, ?> data = provider.correlationDataFor(GenericEventMessage.asEventMessage("e")
                .andMetaData(Map.of("traceparent", TRACEPARENT, "requestId", "r", "sourceEventId", "x")));

        assertThat(data).isEqualTo(Map.of("traceparent", TRACEPARENT, "requestId", "r"));
        assertThat(provider.correlationDataFor(GenericEventMessage.asEventMessage("e"))).isEmpty();
    }

    @Test
    void aDeadlineIsNotPartOfTheCallThatScheduledIt() {
        TraceCorrelationDataProvider provider = new TraceCorrelationDataProvider();

        assertThat(provider.correlationDataFor(GenericDeadlineMessage.asDeadlineMessage("overdue", null, java.time.Instant.EPOCH)
                .andMetaData(Map.of("traceparent", TRACEPARENT, "requestId", "r")))).isEmpty();
    }

    private CommandGateway gateway() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(
                List.of(new MessageOriginProvider(), new TraceCorrelationDataProvider())));
        bus.registerDispatchInterceptor(new TraceMetadataDispatchInterceptor(currentTraceparent::get, currentRequestId::get));
        bus.subscribe(String.class.getName(), command -> {
            handled.set(command);
            // A message created while the command is handled gets the unit of work's correlation data, as an applied event does.
            caused.set(GenericEventMessage.asEventMessage("reported"));
            return null;
        });
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }
}
