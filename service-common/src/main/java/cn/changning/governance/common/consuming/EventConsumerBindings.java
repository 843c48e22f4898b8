package cn.changning.governance.common.consuming;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.function.StreamFunctionProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes every {@link EventConsumer} a Spring Cloud Stream function with its own Kafka binding,
 * {@code <name>-in-0}: the consumer's topics, its consumer group, batch mode.
 *
 * <p>Each consumer's function ({@link EventConsumerFunction}, whose type the function catalog can
 * resolve) is registered as a bean under the consumer's name, its binding's destination and group
 * are set, and the names are added to the function definition, all before Spring Cloud Stream's
 * registrar binds the definition (see {@link ConsumerConfiguration}).</p>
 */
public final class EventConsumerBindings implements InitializingBean {

    static final String FUNCTION_DEFINITION = "spring.cloud.function.definition";
    static final String PROPERTY_SOURCE = "governanceEventConsumers";

    private final List<EventConsumer> consumers;
    private final MeterRegistry meterRegistry;
    private final ConfigurableListableBeanFactory beanFactory;
    private final StreamFunctionProperties functionProperties;
    private final BindingServiceProperties bindingProperties;
    private final ConfigurableEnvironment environment;

    public EventConsumerBindings(List<EventConsumer> consumers, MeterRegistry meterRegistry,
                                 ConfigurableListableBeanFactory beanFactory, StreamFunctionProperties functionProperties,
                                 BindingServiceProperties bindingProperties, ConfigurableEnvironment environment) {
        this.consumers = consumers;
        this.meterRegistry = meterRegistry;
        this.beanFactory = beanFactory;
        this.functionProperties = functionProperties;
        this.bindingProperties = bindingProperties;
        this.environment = environment;
    }

    /** The binding Spring Cloud Stream creates for a consumer's function. */
    public static String bindingName(EventConsumer consumer) {
        return consumer.name() + "-in-0";
    }

    /** The consumer whose group this is, if it is one of ours. */
    public Optional<EventConsumer> byGroup(String group) {
        return consumers.stream().filter(c -> c.group().equals(group)).findFirst();
    }

    @Override
    public void afterPropertiesSet() {
        Set<String> names = new LinkedHashSet<>();
        for (EventConsumer consumer : consumers) {
            if (!names.add(consumer.name())) {
                throw new IllegalStateException("two event consumers are named " + consumer.name());
            }
            EventBatchHandler handler = new EventBatchHandler(consumer.name(), consumer.processor(), meterRegistry);
            if (beanFactory.containsBean(consumer.name())) {
                throw new IllegalStateException("event consumer " + consumer.name() + " has the name of another bean");
            }
            beanFactory.registerSingleton(consumer.name(), new EventConsumerFunction(consumer.name(), handler));
            bind(consumer);
        }
        // Spring Cloud Stream reads the definition from the environment when its registrar starts.
        List<String> definition = new ArrayList<>();
        definition.add(functionProperties.getDefinition());
        definition.add(environment.getProperty(FUNCTION_DEFINITION));
        definition.addAll(names);
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(FUNCTION_DEFINITION,
                definition.stream().filter(StringUtils::hasText).distinct().collect(Collectors.joining(";")))));
    }

    /** Topics and group from the consumer, unless the service's configuration names them for this binding. */
    private void bind(EventConsumer consumer) {
        String binding = bindingName(consumer);
        String prefix = "spring.cloud.stream.bindings." + binding + ".";
        BindingProperties properties = bindingProperties.getBindingProperties(binding); // with the defaults bound
        if (!environment.containsProperty(prefix + "destination")) {
            properties.setDestination(String.join(",", consumer.topics()));
        }
        if (!environment.containsProperty(prefix + "group")) {
            properties.setGroup(consumer.group());
        }
        ConsumerProperties consumerProperties = bindingProperties.getConsumerProperties(binding);
        consumerProperties.setMultiplex(true); // one container for all its topics
        consumerProperties.setBatchMode(true);
        consumerProperties.setUseNativeDecoding(true); // the records are read raw, nothing to convert
    }
}
