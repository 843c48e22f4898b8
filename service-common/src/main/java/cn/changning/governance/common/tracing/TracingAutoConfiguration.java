package cn.changning.governance.common.tracing;

import cn.changning.governance.contracts.RequestIds;
import org.slf4j.MDC;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * One partner call followed from the gateway to the Kafka record. Boot's observation of Spring MVC
 * continues the caller's W3C trace (Micrometer Tracing on Brave, no exporter) and puts
 * {@code traceId}/{@code spanId} in the MDC; this adds the request id ({@link RequestCorrelationFilter}),
 * writes both into the metadata of the commands a request sends ({@link TraceMetadataDispatchInterceptor})
 * and lets Axon copy them into the events those commands cause ({@link TraceCorrelationDataProvider});
 * the publisher writes them as {@code ce_traceparent} and {@code ce_requestid}.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnProperty("governance.service-name")
public class TracingAutoConfiguration {

    /** Just inside Boot's observation filter ({@code HIGHEST_PRECEDENCE + 1}), so the trace is there, and before security. */
    public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    @Bean
    public TraceContexts traceContexts(Tracer tracer, Propagator propagator) {
        return new TraceContexts(tracer, propagator);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public FilterRegistrationBean<RequestCorrelationFilter> requestCorrelationFilter(TraceContexts traceContexts) {
        FilterRegistrationBean<RequestCorrelationFilter> registration =
                new FilterRegistrationBean<>(new RequestCorrelationFilter(traceContexts));
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Bean
    public CorrelationDataProvider traceCorrelationDataProvider() {
        return new TraceCorrelationDataProvider();
    }

    /** Axon's default provider, which it drops as soon as any other is declared. */
    @Bean
    public CorrelationDataProvider axonMessageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public ConfigurerModule traceMetadataOnCommands(TraceContexts traceContexts) {
        TraceMetadataDispatchInterceptor interceptor =
                new TraceMetadataDispatchInterceptor(traceContexts::currentTraceparent, () -> MDC.get(RequestIds.MDC_KEY));
        return configurer -> configurer.onInitialize(config -> config.onStart(() ->
                config.commandBus().registerDispatchInterceptor(interceptor)));
    }
}
