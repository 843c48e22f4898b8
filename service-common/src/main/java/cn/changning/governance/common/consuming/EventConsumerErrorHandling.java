package cn.changning.governance.common.consuming;

import cn.changning.governance.common.config.GovernanceProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.util.Properties;

/**
 * What the common wiring sets on the listener container the binder creates for each
 * {@link EventConsumer}: its client id, its static group membership, and its error handling.
 *
 * <p>Errors: a record named as failed (a {@link BatchListenerFailedException}, which
 * {@link EventBatchHandler} raises for an unreadable or poison event) is retried a few times,
 * then published to the service's dead-letter topic (Kafka's {@code kafka_dlt-*} headers say
 * where it came from and why) and counted in {@code governance.consumer.dead.letters}; anything
 * else (a store that is down) is retried with exponential back-off, without end, so nothing is
 * skipped. Offsets are committed after each batch was processed (the container's BATCH ack mode).</p>
 *
 * <p>Static membership: with {@code governance.instance-id} set, each consumer joins its group
 * as {@code <group>.<instance-id>}, so an instance that restarts after a crash takes its
 * partitions back at once instead of waiting for the dead member's session to expire.</p>
 */
public final class EventConsumerErrorHandling implements ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> {

    private static final Logger log = LoggerFactory.getLogger(EventConsumerErrorHandling.class);
    static final int POISON_RETRIES = 2;
    /** A static member that is gone for longer than this hands its partitions to the others. */
    static final String STATIC_SESSION_TIMEOUT_MS = "10000";

    private final EventConsumerBindings bindings;
    private final KafkaTemplate<byte[], byte[]> kafkaTemplate;
    private final GovernanceProperties properties;
    private final MeterRegistry meterRegistry;

    public EventConsumerErrorHandling(EventConsumerBindings bindings, KafkaTemplate<byte[], byte[]> kafkaTemplate,
                                      GovernanceProperties properties, MeterRegistry meterRegistry) {
        this.bindings = bindings;
        this.kafkaTemplate = kafkaTemplate;
        this.properties = properties;
        this.meterRegistry = meterRegistry;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group) {
        bindings.byGroup(group).ifPresent(consumer -> {
            container.getContainerProperties().setClientId(properties.serviceName() + "-" + consumer.name());
            container.getContainerProperties().setMicrometerEnabled(true);
            if (properties.instanceId() != null && !properties.instanceId().isBlank()) {
                Properties kafka = container.getContainerProperties().getKafkaConsumerProperties();
                kafka.setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, group + "." + properties.instanceId());
                kafka.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, STATIC_SESSION_TIMEOUT_MS);
            }
            container.setCommonErrorHandler(errorHandler(consumer));
        });
    }

    private DefaultErrorHandler errorHandler(EventConsumer consumer) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, exception) -> new TopicPartition(properties.deadLetterTopic(), 0));
        Counter counter = Counter.builder("governance.consumer.dead.letters")
                .description("Records sent to the dead-letter topic after their retries")
                .tag("consumer", consumer.name())
                .register(meterRegistry);
        ConsumerRecordRecoverer recoverer = (record, exception) -> {
            Exception reason = reason(exception);
            log.error("{}: dead-lettering {}-{}@{} to {}: {}", consumer.name(), record.topic(), record.partition(),
                    record.offset(), properties.deadLetterTopic(), reason.getMessage());
            // Kept in the listener's exception type so the record's headers also name the consumer group.
            deadLetters.accept(record, new ListenerExecutionFailedException(reason.getMessage(), consumer.group(), reason));
            counter.increment();
        };
        ExponentialBackOff transientBackOff = new ExponentialBackOff(200, 2.0);
        transientBackOff.setMaxInterval(10_000);
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(recoverer, transientBackOff);
        errorHandler.setBackOffFunction((record, exception) ->
                isPoison(exception) ? new FixedBackOff(100, POISON_RETRIES) : null);
        // Each retry would log the whole chain at ERROR ("Seek to current after exception"): a bad
        // producer could fill the disk. The handler and EventBatchHandler log one line each instead.
        errorHandler.setLogLevel(KafkaException.Level.DEBUG);
        return errorHandler;
    }

    private static boolean isPoison(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof BatchListenerFailedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why the record failed, for the log and the {@code kafka_dlt-exception-*} headers: the poison
     * event's own exception, not the binder's wrapping ("error occurred in message handler ...").
     */
    private static Exception reason(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof BatchListenerFailedException failed) {
                return failed.getCause() instanceof Exception cause ? cause : failed;
            }
        }
        return exception;
    }
}
