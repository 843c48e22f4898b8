package cn.changning.governance.common.consuming;

import cn.changning.governance.common.config.GovernanceProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One spring-kafka listener container per {@link EventConsumer}: batches of up to 1,000
 * records, offsets committed after each batch was processed (at least once; consumers are
 * idempotent), Kafka client metrics in Micrometer.
 *
 * <p>Errors: a record named as failed is retried a few times, then published to the
 * service's dead-letter topic (Kafka's {@code kafka_dlt-*} headers say where it came from and
 * why) and counted in {@code governance.consumer.dead.letters}; anything else is retried
 * with exponential back-off, without end, so nothing is skipped.</p>
 */
public class EventConsumerContainers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumerContainers.class);
    static final int POISON_RETRIES = 2;

    private final List<ConcurrentMessageListenerContainer<byte[], byte[]>> containers = new ArrayList<>();
    private volatile boolean running;

    public EventConsumerContainers(List<EventConsumer> consumers, KafkaProperties kafkaProperties,
                                   KafkaTemplate<byte[], byte[]> kafkaTemplate, GovernanceProperties properties,
                                   MeterRegistry meterRegistry) {
        for (EventConsumer consumer : consumers) {
            containers.add(container(consumer, kafkaProperties, kafkaTemplate, properties, meterRegistry));
        }
    }

    private static ConcurrentMessageListenerContainer<byte[], byte[]> container(
            EventConsumer consumer, KafkaProperties kafkaProperties, KafkaTemplate<byte[], byte[]> kafkaTemplate,
            GovernanceProperties properties, MeterRegistry meterRegistry) {
        Map<String, Object> config = kafkaProperties.buildConsumerProperties(null);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, consumer.group());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.serviceName() + "-" + consumer.name());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        config.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        DefaultKafkaConsumerFactory<byte[], byte[]> factory = new DefaultKafkaConsumerFactory<>(
                config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        factory.addListener(new MicrometerConsumerListener<>(meterRegistry));

        ContainerProperties containerProperties = new ContainerProperties(consumer.topics().toArray(String[]::new));
        containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
        containerProperties.setMessageListener(new EventBatchHandler(consumer.name(), consumer.processor(), meterRegistry));
        containerProperties.setMicrometerEnabled(true);
        ConcurrentMessageListenerContainer<byte[], byte[]> container =
                new ConcurrentMessageListenerContainer<>(factory, containerProperties);
        container.setBeanName(consumer.name());
        container.setCommonErrorHandler(errorHandler(consumer, kafkaTemplate, properties, meterRegistry));
        return container;
    }

    private static DefaultErrorHandler errorHandler(EventConsumer consumer, KafkaTemplate<byte[], byte[]> kafkaTemplate,
                                                    GovernanceProperties properties, MeterRegistry meterRegistry) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, exception) -> new TopicPartition(properties.deadLetterTopic(), 0));
        Counter counter = Counter.builder("governance.consumer.dead.letters")
                .description("Records sent to the dead-letter topic after their retries")
                .tag("consumer", consumer.name())
                .register(meterRegistry);
        ConsumerRecordRecoverer recoverer = (record, exception) -> {
            log.error("{}: dead-lettering {}-{}@{} to {}: {}", consumer.name(), record.topic(), record.partition(),
                    record.offset(), properties.deadLetterTopic(), exception.getMessage());
            deadLetters.accept(record, exception);
            counter.increment();
        };
        ExponentialBackOff transientBackOff = new ExponentialBackOff(200, 2.0);
        transientBackOff.setMaxInterval(10_000);
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(recoverer, transientBackOff);
        errorHandler.setBackOffFunction((record, exception) ->
                isPoison(exception) ? new FixedBackOff(100, POISON_RETRIES) : null);
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

    @Override
    public void start() {
        containers.forEach(ConcurrentMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
