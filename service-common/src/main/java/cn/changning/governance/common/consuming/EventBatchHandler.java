package cn.changning.governance.common.consuming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a projection or policy over a batch of Kafka records. A record that cannot be read,
 * or that the processor reports as poison, is named by its index: the container's error
 * handler retries from there and finally sends just that record to the dead-letter topic.
 * Any other failure (a store that is down) is retried with back-off and never skipped, since
 * the records after it on the partition depend on it.
 */
public final class EventBatchHandler implements BatchMessageListener<byte[], byte[]> {

    /** What a projection or policy does with a decoded batch, in partition order. */
    @FunctionalInterface
    public interface BatchProcessor {
        /**
         * @throws PoisonEventException naming an event that can never be processed
         */
        void process(List<EventRecord> events);
    }

    private static final Logger log = LoggerFactory.getLogger(EventBatchHandler.class);

    private final String name;
    private final BatchProcessor processor;
    private final Timer lag;
    private final Counter processed;

    /**
     * @param name the projection or policy, as it appears in metrics
     *             ({@code governance.consumer.lag} and {@code governance.consumer.events}, tag {@code consumer})
     */
    public EventBatchHandler(String name, BatchProcessor processor, MeterRegistry meterRegistry) {
        this.name = name;
        this.processor = processor;
        this.lag = Timer.builder("governance.consumer.lag")
                .description("Time from an event being stored to its processing by this consumer")
                .tag("consumer", name)
                .publishPercentileHistogram()
                .register(meterRegistry);
        this.processed = Counter.builder("governance.consumer.events")
                .description("Events processed by this consumer")
                .tag("consumer", name)
                .register(meterRegistry);
    }

    @Override
    public void onMessage(List<ConsumerRecord<byte[], byte[]>> records) {
        List<EventRecord> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                events.add(EventRecord.of(records.get(i)));
            } catch (RuntimeException e) {
                if (i > 0) {
                    process(events); // committed by the container before it retries from the unreadable record
                }
                throw new BatchListenerFailedException("unreadable event record: " + e.getMessage(), e, i);
            }
        }
        process(events);
    }

    /** Processes already decoded events (tests and replays call this directly). */
    public void process(List<EventRecord> events) {
        try {
            processor.process(events);
        } catch (PoisonEventException e) {
            int index = Math.max(events.indexOf(e.event()), 0);
            // The container commits the records before the failed one and retries from it: they must be done first.
            if (index > 0) {
                process(events.subList(0, index));
            }
            throw new BatchListenerFailedException(e.getMessage(), e, index);
        } catch (RuntimeException e) {
            // Retried with back-off by the container; say so, or a store outage goes unseen.
            log.warn("{}: batch of {} events failed, will retry: {}", name, events.size(), e.toString());
            throw e;
        }
        Instant now = Instant.now();
        for (EventRecord event : events) {
            lag.record(Duration.between(event.time(), now));
        }
        processed.increment(events.size());
    }
}
