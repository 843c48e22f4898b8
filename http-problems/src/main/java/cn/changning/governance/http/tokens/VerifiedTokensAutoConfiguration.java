package cn.changning.governance.http.tokens;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Wraps the application's {@link JwtDecoder} (Boot's, or one a test or a service declares) in a
 * {@link VerifiedTokenCache}: in the gateway and in every service alike, since each verifies the caller's token.
 * {@code governance.security.verified-tokens.maximum-size} (default 10,000 tokens) bounds it;
 * {@code governance.security.verified-tokens.enabled=false} turns it off. Its meters are
 * {@code cache_gets_total{cache="verified-bearer-tokens",result="hit"|"miss"}}, {@code cache_size} and
 * {@code cache_evictions_total}.
 */
@AutoConfiguration
@ConditionalOnClass({JwtDecoder.class, com.github.benmanes.caffeine.cache.Cache.class})
@ConditionalOnProperty(prefix = "governance.security.verified-tokens", name = "enabled", matchIfMissing = true)
public class VerifiedTokensAutoConfiguration {

    public static final String CACHE_NAME = "verified-bearer-tokens";
    static final String MAXIMUM_SIZE = "governance.security.verified-tokens.maximum-size";
    static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    @Bean
    static BeanPostProcessor verifiedTokenCacheWrapper(Environment environment, ObjectProvider<MeterRegistry> meters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof JwtDecoder decoder) || bean instanceof VerifiedTokenCache) {
                    return bean;
                }
                long maximumSize = environment.getProperty(MAXIMUM_SIZE, Long.class, DEFAULT_MAXIMUM_SIZE);
                if (maximumSize < 1) {
                    throw new IllegalStateException(MAXIMUM_SIZE + " must be at least 1, was " + maximumSize
                            + " (governance.security.verified-tokens.enabled=false turns the cache off)");
                }
                VerifiedTokenCache cached = new VerifiedTokenCache(decoder, maximumSize);
                MeterRegistry registry = meters.getIfAvailable();
                if (registry != null) {
                    CaffeineCacheMetrics.monitor(registry, cached.cache(), CACHE_NAME);
                }
                return cached;
            }
        };
    }
}
