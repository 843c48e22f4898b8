package cn.changning.governance.common.consuming;

import cn.changning.governance.common.config.GovernanceProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.cloud.stream.function.StreamFunctionProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Runs every {@link EventConsumer} bean of the service as a Spring Cloud Stream binding on the
 * Kafka binder (see {@link EventConsumerBindings}), with the error handling of
 * {@link EventConsumerErrorHandling}. The binder's own settings (batch size, offsets, topics it
 * may create) are defaults of the common module, see {@code GovernanceDefaults}.
 */
@Configuration(proxyBeanMethods = false)
public class ConsumerConfiguration {

    /** The converter every binding uses: it hands the function the batch's raw records. */
    public static final String BATCH_CONVERTER = "governanceBatchConverter";
    /** Spring Cloud Stream's bean that binds the function definition once it is created. */
    static final String STREAM_FUNCTION_REGISTRAR = "functionBindingRegistrar";
    static final String BINDINGS = "eventConsumerBindings";

    @Bean(BATCH_CONVERTER)
    public BatchMessagingMessageConverter governanceBatchConverter() {
        BatchMessagingMessageConverter converter = new BatchMessagingMessageConverter();
        converter.setRawRecordHeader(true);
        converter.setHeaderMapper(null); // the raw records carry the headers; mapping them would be wasted work
        return converter;
    }

    @Bean(BINDINGS)
    public EventConsumerBindings eventConsumerBindings(ObjectProvider<EventConsumer> consumers, MeterRegistry meterRegistry,
                                                       ConfigurableListableBeanFactory beanFactory,
                                                       StreamFunctionProperties streamFunctionProperties,
                                                       BindingServiceProperties bindingServiceProperties,
                                                       ConfigurableEnvironment environment) {
        return new EventConsumerBindings(consumers.orderedStream().toList(), meterRegistry, beanFactory,
                streamFunctionProperties, bindingServiceProperties, environment);
    }

    @Bean
    public ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> eventConsumerContainers(
            EventConsumerBindings bindings, KafkaTemplate<byte[], byte[]> governanceKafkaTemplate,
            GovernanceProperties properties, MeterRegistry meterRegistry) {
        return new EventConsumerErrorHandling(bindings, governanceKafkaTemplate, properties, meterRegistry);
    }

    /**
     * The consumers' functions and bindings must be registered before Spring Cloud Stream's
     * registrar reads the function definition; it is an ordinary bean, so it is told to wait.
     */
    @Bean
    public static BeanFactoryPostProcessor eventConsumersBeforeStreamFunctions() {
        return beanFactory -> {
            if (!beanFactory.containsBeanDefinition(STREAM_FUNCTION_REGISTRAR)) {
                throw new IllegalStateException("Spring Cloud Stream's " + STREAM_FUNCTION_REGISTRAR
                        + " bean is missing: the event consumers could not be bound (has Spring Cloud Stream changed?)");
            }
            BeanDefinition registrar = beanFactory.getBeanDefinition(STREAM_FUNCTION_REGISTRAR);
            Set<String> dependsOn = new LinkedHashSet<>();
            if (registrar.getDependsOn() != null) {
                dependsOn.addAll(Set.of(registrar.getDependsOn()));
            }
            dependsOn.add(BINDINGS);
            registrar.setDependsOn(dependsOn.toArray(String[]::new));
        };
    }
}
