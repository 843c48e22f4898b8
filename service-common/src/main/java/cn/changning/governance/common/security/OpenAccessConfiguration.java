package cn.changning.governance.common.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * With {@code governance.security.enabled=false} the API stays open as it was before tokens (no caller is checked),
 * instead of Spring Security's default login; a warning at start says so. Only for the move onto tokens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = SecurityConfiguration.ENABLED, havingValue = "false", matchIfMissing = true)
public class OpenAccessConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OpenAccessConfiguration.class);

    @Bean
    public SecurityFilterChain openAccess(HttpSecurity http) throws Exception {
        log.warn("Security is off ({}=false): the API accepts calls without a token", SecurityConfiguration.ENABLED);
        return http.csrf(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }
}
