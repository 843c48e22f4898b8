package cn.changning.governance.common.consuming;

import cn.changning.governance.common.config.GovernanceProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** Runs every {@link EventConsumer} bean of the service in its own Kafka listener container. */
@Configuration(proxyBeanMethods = false)
public class ConsumerConfiguration {

    @Bean
    public EventConsumerContainers eventConsumerContainers(ObjectProvider<EventConsumer> consumers,
                                                           KafkaProperties kafkaProperties,
                                                           KafkaTemplate<byte[], byte[]> governanceKafkaTemplate,
                                                           GovernanceProperties properties,
                                                           MeterRegistry meterRegistry) {
        return new EventConsumerContainers(consumers.orderedStream().toList(), kafkaProperties,
                governanceKafkaTemplate, properties, meterRegistry);
    }
}
