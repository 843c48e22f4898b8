package cn.changning.governance.localstack;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * How the local stack runs. From the environment: {@code GOVERNANCE_DATA_DIR} (default
 * {@code ./data/local-stack}), {@code GATEWAY_PORT} (8080), {@code GATEWAY_MANAGEMENT_PORT} (8090: the gateway's
 * health and metrics, not on the partners' port), service ports 8081–8084 ({@code CASE_SERVICE_PORT},
 * {@code DISPATCH_SERVICE_PORT}, {@code ASSESSMENT_SERVICE_PORT}, {@code PARTY_REGISTRY_SERVICE_PORT}: the names the
 * services' own files read) unless {@code GOVERNANCE_SERVICE_PORTS=random}, {@code POSTGRES_PORT} (5432), {@code KAFKA_PORT}
 * (9092), {@code MONGO_PORT} (27017), {@code GOVERNANCE_TOPIC_PARTITIONS} (3),
 * {@code GOVERNANCE_DURABLE} (true: fsync and synchronous commit on), {@code IDENTITY_PORT} (9000: the
 * authorisation server). {@code GOVERNANCE_CONSOLE_LOG}
 * (WARN) sets what the console shows (logback.xml); everything is logged under {@code <data>/logs}.
 * {@code GOVERNANCE_SERVICES} (all) names the services to start, comma-separated (e.g. {@code case-service}): a test
 * that needs one service starts in half the time; the gateway answers 503 for the others' routes.
 *
 * @param randomServicePorts true: services (and the gateway's management) on free ports (tests; the gateway learns them)
 * @param clock              the services' clock: the system's, or a test's that moves time on (the deadlines follow it)
 * @param services           the names of the services to start; empty: all of them
 */
public record LocalStackSettings(Path dataDirectory, int gatewayPort, boolean randomServicePorts,
                                 int postgresPort, int kafkaPort, int mongoPort,
                                 int topicPartitions, boolean durable, Clock clock, int identityPort,
                                 List<String> services) {

    public LocalStackSettings {
        services = List.copyOf(services);
    }

    public static LocalStackSettings fromEnvironment() {
        return new LocalStackSettings(
                Path.of(env("GOVERNANCE_DATA_DIR", "data/local-stack")),
                Integer.parseInt(env("GATEWAY_PORT", "8080")),
                "random".equalsIgnoreCase(env("GOVERNANCE_SERVICE_PORTS", "fixed")),
                Integer.parseInt(env("POSTGRES_PORT", "5432")),
                Integer.parseInt(env("KAFKA_PORT", "9092")),
                Integer.parseInt(env("MONGO_PORT", "27017")),
                Integer.parseInt(env("GOVERNANCE_TOPIC_PARTITIONS", "3")),
                Boolean.parseBoolean(env("GOVERNANCE_DURABLE", "true")),
                Clock.systemUTC(),
                Integer.parseInt(env("IDENTITY_PORT", "9000")),
                Arrays.stream(env("GOVERNANCE_SERVICES", "").split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList());
    }

    /** Everything on free ports under the given folder: for tests and benchmarks. */
    public static LocalStackSettings forTests(Path dataDirectory) {
        return new LocalStackSettings(dataDirectory, 0, true, 0, 0, 0, 3, false, Clock.systemUTC(), 0, List.of());
    }

    public LocalStackSettings withDurable(boolean durable) {
        return new LocalStackSettings(dataDirectory, gatewayPort, randomServicePorts, postgresPort, kafkaPort,
                mongoPort, topicPartitions, durable, clock, identityPort, services);
    }

    public LocalStackSettings withClock(Clock clock) {
        return new LocalStackSettings(dataDirectory, gatewayPort, randomServicePorts, postgresPort, kafkaPort,
                mongoPort, topicPartitions, durable, clock, identityPort, services);
    }

    /** Only these services (by name, as in {@code LocalStack.SERVICES}); the others are not started. */
    public LocalStackSettings withServices(List<String> services) {
        return new LocalStackSettings(dataDirectory, gatewayPort, randomServicePorts, postgresPort, kafkaPort,
                mongoPort, topicPartitions, durable, clock, identityPort, services);
    }

    boolean starts(String serviceName) {
        return services.isEmpty() || services.contains(serviceName);
    }

    /**
     * A service's port: a free one with the random service ports, else {@code <NAME>_PORT} or its default. The local
     * stack passes server.port as an override, which beats the variable the service's own file reads, so the stack
     * reads the same variable itself (a benchmark starts the stack as a process on ports of its choosing).
     */
    int servicePort(String serviceName, int defaultPort) {
        return randomServicePorts ? 0 : Integer.parseInt(env(portVariable(serviceName), String.valueOf(defaultPort)));
    }

    /** {@code case-service} → {@code CASE_SERVICE_PORT}. */
    static String portVariable(String serviceName) {
        return serviceName.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PORT";
    }

    /** The gateway's management port: a free one with the services' free ports, else GATEWAY_MANAGEMENT_PORT (8090). */
    int gatewayManagementPort() {
        return randomServicePorts ? 0 : Integer.parseInt(env("GATEWAY_MANAGEMENT_PORT", "8090"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
