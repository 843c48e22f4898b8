package cn.changning.governance.common.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;

/**
 * Idempotent POSTs in every service ({@link IdempotencyFilter}): the store in the service's own PostgreSQL
 * database, its purge, the {@link IdempotencyKey} handler parameter and the header in the API documents.
 */
@AutoConfiguration(afterName = "cn.changning.governance.common.config.GovernanceServiceAutoConfiguration")
@ConditionalOnProperty("governance.service-name")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    /** Just after Spring Security's chain ({@link SecurityProperties#DEFAULT_FILTER_ORDER}): the caller is known. */
    public static final int FILTER_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 10;

    @Bean
    public IdempotencyRecords idempotencyRecords(DataSource dataSource, Clock clock, IdempotencyProperties properties) {
        return new IdempotencyRecords(new JdbcTemplate(dataSource), clock, properties);
    }

    @Bean
    public IdempotencyMetrics idempotencyMetrics(ObjectProvider<MeterRegistry> registry) {
        return new IdempotencyMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    public FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyRecords records, IdempotencyMetrics metrics,
                                                                       ObjectProvider<ObjectMapper> objectMapper,
                                                                       IdempotencyProperties properties) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(records, metrics, objectMapper.getIfAvailable(ObjectMapper::new), properties));
        registration.setOrder(FILTER_ORDER);
        registration.setEnabled(properties.enabled());
        return registration;
    }

    @Bean
    public IdempotencyPurge idempotencyPurge(IdempotencyRecords records, IdempotencyProperties properties) {
        return new IdempotencyPurge(records, properties);
    }

    @Bean
    public WebMvcConfigurer idempotencyKeyArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new IdempotencyKeyArgumentResolver());
            }
        };
    }

    /** Last: after the customizers that document each operation's own answers (see {@link IdempotencyDocumentation}). */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    public OperationCustomizer idempotencyKeyDocumentation(IdempotencyProperties properties) {
        return properties.enabled() ? new IdempotencyDocumentation(properties.retention()) : (operation, handler) -> operation;
    }
}
