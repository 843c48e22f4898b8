package cn.changning.governance.common.consuming;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The container commits the records before a failed one and retries from it, so those records
 * must have been processed when the handler names the failed one.
 */
class EventBatchHandlerTest {

    private final List<String> processed = new ArrayList<>();

    /** Refuses the event whose subject is "poison", and everything after it, as a projection does. */
    private final EventBatchHandler handler = new EventBatchHandler("test", events -> {
        for (EventRecord e : events) {
            if (e.subject().equals("poison")) {
                throw new PoisonEventException(e, "cannot be projected", null);
            }
        }
        events.forEach(e -> processed.add(e.subject()));
    }, new SimpleMeterRegistry());

    @Test
    void theEventsBeforeAPoisonEventAreProcessedBeforeItIsNamed() {
        List<EventRecord> batch = List.of(event("a", 0), event("b", 1), event("poison", 2), event("c", 3));

        assertThatThrownBy(() -> handler.process(batch))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(2));
        assertThat(processed).containsExactly("a", "b");
    }

    @Test
    void aPoisonEventFirstInTheBatchProcessesNothing() {
        assertThatThrownBy(() -> handler.process(List.of(event("poison", 0), event("a", 1))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isZero());
        assertThat(processed).isEmpty();
    }

    @Test
    void theRecordsBeforeAnUnreadableOneAreProcessedBeforeItIsNamed() {
        ConsumerRecord<byte[], byte[]> good = new ConsumerRecord<>("t", 0, 0, "a".getBytes(StandardCharsets.UTF_8), new byte[0]);
        good.headers().add("ce_id", bytes("1")).add("ce_type", bytes("cn.changning.governance.case.CaseReported.v1"))
                .add("ce_subject", bytes("a")).add("ce_sequence", bytes("0")).add("ce_time", bytes(Instant.EPOCH.toString()));
        ConsumerRecord<byte[], byte[]> headerless = new ConsumerRecord<>("t", 0, 1, null, new byte[0]);

        assertThatThrownBy(() -> handler.onMessage(List.of(good, headerless)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1));
        assertThat(processed).containsExactly("a");
    }

    private static EventRecord event(String subject, long offset) {
        return new EventRecord("id-" + offset, "cn.changning.governance.case.CaseReported.v1", subject, 0, Instant.EPOCH,
                new byte[0], "t", 0, offset);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
