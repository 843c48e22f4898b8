package cn.changning.governance.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Every route's proxied call runs in a Resilience4j circuit breaker named after the route (its {@code CircuitBreaker}
 * filter in gateway.yml) with a time limiter: a service that does not answer within the route's timeout, refuses the
 * connection, or has failed too often lately is answered for by {@link ServiceUnavailableHandler} (503).
 *
 * <p>The time limiter runs the call on another thread; that pool carries the request's observation over
 * (context propagation), so the proxied call stays in the caller's trace.</p>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceProperties.class)
public class ResilienceConfiguration {

    /** Where every route's circuit breaker forwards (its fallback). */
    @Bean
    public SimpleUrlHandlerMapping serviceUnavailable(ResilienceProperties properties) {
        return new SimpleUrlHandlerMapping(Map.of(ServiceUnavailableHandler.PATH, new ServiceUnavailableHandler(properties)),
                Ordered.HIGHEST_PRECEDENCE + 1);
    }

    @Bean
    public Customizer<Resilience4JCircuitBreakerFactory> routeCircuitBreakers(ResilienceProperties properties) {
        ExecutorService calls = ContextExecutorService.wrap(
                Executors.newCachedThreadPool(new CustomizableThreadFactory("gateway-call-")),
                ContextSnapshotFactory.builder().build());
        return factory -> {
            factory.configureExecutorService(calls);
            factory.configureGroupExecutorService(group -> calls);
            factory.configureDefault(route -> new Resilience4JConfigBuilder(route)
                    .timeLimiterConfig(TimeLimiterConfig.custom()
                            .timeoutDuration(properties.timeoutOf(route))
                            .cancelRunningFuture(true)
                            .build())
                    .circuitBreakerConfig(CircuitBreakerConfig.custom()
                            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                            .slidingWindowSize(properties.getWindow())
                            .minimumNumberOfCalls(properties.getMinimumCalls())
                            .failureRateThreshold(properties.getFailureRateThreshold())
                            .waitDurationInOpenState(properties.getOpenFor())
                            .build())
                    .build());
        };
    }
}
