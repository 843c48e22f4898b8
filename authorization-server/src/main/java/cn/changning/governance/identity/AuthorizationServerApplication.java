package cn.changning.governance.identity;

import cn.changning.governance.identity.config.IdentityProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;
import java.util.stream.Stream;

/**
 * The platform's OAuth2 authorisation server: issues client-credentials access tokens (signed JWTs) to the callers
 * listed in the clients file. Reads {@code authorization-server.yml}, not {@code application.yml}, so that it can
 * share one classpath with the services in the local stack (as {@code ServiceLauncher} does for them); that file
 * also switches off the auto-configurations of the libraries the services bring onto that classpath.
 */
@SpringBootApplication
@EnableConfigurationProperties(IdentityProperties.class)
public class AuthorizationServerApplication {

    public static final String SERVICE_NAME = "authorization-server";

    public static void main(String[] args) {
        run(Map.of(), args);
    }

    /**
     * Starts the server. For another JVM's code (the local stack), e.g.
     * {@code run(Map.of("server.port", 9000, "identity.key-directory", dataDir.resolve("identity"),
     * "identity.development-secrets", true))}.
     *
     * @param overrides settings that win over the file and the environment (passed as command-line arguments)
     */
    public static ConfigurableApplicationContext run(Map<String, ?> overrides, String... args) {
        return builder().run(withOverrides(overrides, args));
    }

    /** The application with its own configuration file; add {@code registerShutdownHook(false)} and so on as needed. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AuthorizationServerApplication.class)
                .main(AuthorizationServerApplication.class)
                .properties("spring.config.name=" + SERVICE_NAME);
    }

    public static String[] withOverrides(Map<String, ?> overrides, String... args) {
        return Stream.concat(
                overrides.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()),
                Stream.of(args)).toArray(String[]::new);
    }
}
