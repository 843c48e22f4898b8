package cn.changning.governance.common.launch;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts one service. Each service reads {@code <service-name>.yml} rather than
 * {@code application.yml}, so that all services can share one classpath in the local stack
 * without reading each other's configuration.
 */
public final class ServiceLauncher {

    private ServiceLauncher() {
    }

    /**
     * @param overrides settings that win over the service's file and the environment (they are
     *                  passed as command-line arguments), e.g. the local stack's ports
     */
    public static ConfigurableApplicationContext run(Class<?> application, String serviceName,
                                                     Map<String, Object> overrides, String... args) {
        return builder(application, serviceName).run(withOverrides(overrides, args));
    }

    public static SpringApplicationBuilder builder(Class<?> application, String serviceName) {
        return new SpringApplicationBuilder(application).properties("spring.config.name=" + serviceName);
    }

    public static String[] withOverrides(Map<String, Object> overrides, String... args) {
        return Stream.concat(
                overrides.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()),
                Stream.of(args)).toArray(String[]::new);
    }
}
