package cn.changning.governance.common.launch;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

/**
 * Starts one service. Each service reads {@code <service-name>.yml} rather than
 * {@code application.yml}, so that all services can share one classpath in the local stack
 * without reading each other's configuration.
 */
public final class ServiceLauncher {

    private ServiceLauncher() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String serviceName,
                                                     Map<String, Object> overrides, String... args) {
        return builder(application, serviceName, overrides).run(args);
    }

    public static SpringApplicationBuilder builder(Class<?> application, String serviceName, Map<String, Object> overrides) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(application)
                .properties("spring.config.name=" + serviceName);
        if (!overrides.isEmpty()) {
            builder.properties(overrides);
        }
        return builder;
    }
}
