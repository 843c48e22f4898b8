package cn.changning.governance.common.policy;

import cn.changning.governance.common.consuming.EventRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A policy's command continues the trace and request id of the Kafka record it reacts to. */
class PolicyCommandsTraceTest {

    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    final AtomicReference<CommandMessage<?>> sent = new AtomicReference<>();
    final PolicyCommands commands = new PolicyCommands("test-policy", gateway());

    @Test
    void theRecordsTraceAndRequestIdGoIntoTheCommand() {
        EventRecord cause = EventRecord.of(record(TRACEPARENT, "req-9"));
        assertThat(cause.traceparent()).isEqualTo(TRACEPARENT);
        assertThat(cause.requestId()).isEqualTo("req-9");

        commands.send(cause, "step", "command");

        assertThat(sent.get().getMetaData()).containsEntry("traceparent", TRACEPARENT).containsEntry("requestId", "req-9")
                .containsEntry("sourceEventId", "evt-1");
    }

    @Test
    void aRecordWithoutThemOrWithBadOnesGivesNeither() {
        commands.send(EventRecord.of(record(null, null)), "step", "command");
        assertThat(sent.get().getMetaData()).doesNotContainKeys("traceparent", "requestId").containsEntry("sourceEventId", "evt-1");

        commands.send(EventRecord.of(record("00-zz-yy-01", "bad id\n")), "step", "command");
        assertThat(sent.get().getMetaData()).doesNotContainKeys("traceparent", "requestId");
    }

    private static ConsumerRecord<byte[], byte[]> record(String traceparent, String requestId) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("t", 0, 0, bytes("a"), bytes("{}"));
        record.headers().add("ce_id", bytes("evt-1")).add("ce_type", bytes("cn.changning.governance.case.CaseReported.v1"))
                .add("ce_subject", bytes("a")).add("ce_sequence", bytes("0")).add("ce_time", bytes(Instant.EPOCH.toString()));
        if (traceparent != null) {
            record.headers().add("ce_traceparent", bytes(traceparent));
        }
        if (requestId != null) {
            record.headers().add("ce_requestid", bytes(requestId));
        }
        return record;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private DefaultCommandGateway gateway() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(String.class.getName(), command -> {
            sent.set(command);
            return null;
        });
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }
}
