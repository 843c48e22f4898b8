package cn.changning.governance.common.publishing;

import cn.changning.governance.common.config.GovernanceProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.serialization.Serializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.config.TopicBuilder;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The service's Kafka producer (durable: {@code acks=all}, idempotent, ordered per partition)
 * and the tracking processor that publishes the event store to the service's topic.
 */
@Configuration(proxyBeanMethods = false)
public class PublishingConfiguration {

    @Bean
    public ProducerFactory<byte[], byte[]> governanceProducerFactory(KafkaProperties kafkaProperties,
                                                                     GovernanceProperties properties,
                                                                     MeterRegistry meterRegistry) {
        Map<String, Object> config = kafkaProperties.buildProducerProperties(null);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 131072);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Fail a batch within the publisher's timeout rather than Kafka's two minutes: the
        // processor then backs off and retries while the broker is away.
        int timeout = (int) properties.publisher().sendTimeout().toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 10_000));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeout, 10_000));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, properties.serviceName() + "-producer");
        DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(
                config, new ByteArraySerializer(), new ByteArraySerializer());
        factory.addListener(new MicrometerProducerListener<>(meterRegistry));
        return factory;
    }

    @Bean
    public KafkaTemplate<byte[], byte[]> governanceKafkaTemplate(ProducerFactory<byte[], byte[]> governanceProducerFactory) {
        return new KafkaTemplate<>(governanceProducerFactory);
    }

    /** The service's topic, created at start if missing (Kafka's own admin does it; kept forever). */
    @Bean
    public NewTopic governanceEventsTopic(GovernanceProperties properties,
                                          org.springframework.core.env.Environment environment) {
        return TopicBuilder.name(properties.eventsTopic())
                .partitions(environment.getProperty("governance.topics.partitions", Integer.class, 3))
                .replicas(environment.getProperty("governance.topics.replicas", Integer.class, 1))
                .config("retention.ms", "-1")
                .config("retention.bytes", "-1")
                .build();
    }

    @Bean
    public NewTopic governanceDeadLetterTopic(GovernanceProperties properties,
                                              org.springframework.core.env.Environment environment) {
        return TopicBuilder.name(properties.deadLetterTopic())
                .partitions(1)
                .replicas(environment.getProperty("governance.topics.replicas", Integer.class, 1))
                .config("retention.ms", "-1")
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "governance.publisher.enabled", matchIfMissing = true)
    public KafkaEventPublisher kafkaEventPublisher(KafkaTemplate<byte[], byte[]> governanceKafkaTemplate,
                                                   @Qualifier("eventSerializer") Serializer eventSerializer,
                                                   GovernanceProperties properties) {
        return new KafkaEventPublisher(governanceKafkaTemplate, eventSerializer, properties.eventsTopic(),
                properties.cloudEventsSource(), properties.publisher().sendTimeout());
    }

    /**
     * Opens the producer as soon as the service is up, off the start-up thread: the Kafka client's
     * metrics are there from the start, and an unreachable broker is reported at once (events
     * wait in the store meanwhile) rather than at the first event.
     */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> kafkaProducerWarmUp(KafkaTemplate<byte[], byte[]> governanceKafkaTemplate,
                                                                         GovernanceProperties properties) {
        return ready -> CompletableFuture.runAsync(() -> {
            try {
                governanceKafkaTemplate.partitionsFor(properties.eventsTopic());
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(PublishingConfiguration.class).warn(
                        "Kafka is not reachable yet ({}); stored events will be published once it is", e.getMessage());
            }
        });
    }

    /**
     * Axon's default handlers log and carry on; for the publisher a failure must roll the
     * token back so the batch is retried (with the processor's back-off) and nothing is skipped.
     */
    @Bean
    public ConfigurerModule kafkaPublisherErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance()));
    }
}
