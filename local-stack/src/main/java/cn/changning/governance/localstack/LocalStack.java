package cn.changning.governance.localstack;

import cn.changning.governance.assessment.AssessmentServiceApplication;
import cn.changning.governance.cases.CaseServiceApplication;
import cn.changning.governance.common.launch.ServiceLauncher;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.dispatch.DispatchServiceApplication;
import cn.changning.governance.embedded.EmbeddedInfrastructure;
import cn.changning.governance.embedded.FreePorts;
import cn.changning.governance.gateway.GatewayApplication;
import cn.changning.governance.identity.AuthorizationServerApplication;
import cn.changning.governance.partyregistry.PartyRegistryServiceApplication;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The whole platform in one JVM on embedded defaults: real PostgreSQL (durable), a real Kafka
 * broker (KRaft), the Mongo wire server, the four services and the gateway. All state is kept
 * under one folder, so a restart keeps it. Started in dependency order, stopped in reverse.
 */
public final class LocalStack implements AutoCloseable {

    /** A service of the platform: its Spring Boot application, name, database and port. */
    record Service(Class<?> application, String name, String database, int defaultPort) {
    }

    static final List<Service> SERVICES = List.of(
            new Service(CaseServiceApplication.class, CaseServiceApplication.SERVICE_NAME, "case_service", 8081),
            new Service(DispatchServiceApplication.class, DispatchServiceApplication.SERVICE_NAME, "dispatch_service", 8082),
            new Service(AssessmentServiceApplication.class, AssessmentServiceApplication.SERVICE_NAME, "assessment_service", 8083),
            new Service(PartyRegistryServiceApplication.class, PartyRegistryServiceApplication.SERVICE_NAME, "party_registry_service", 8084));

    private final EmbeddedInfrastructure infrastructure;
    private final Map<String, ConfigurableApplicationContext> services;
    private final ConfigurableApplicationContext gateway;
    private final ConfigurableApplicationContext identity;
    private final LocalStackSettings settings;

    private LocalStack(LocalStackSettings settings, EmbeddedInfrastructure infrastructure, ConfigurableApplicationContext identity,
                       Map<String, ConfigurableApplicationContext> services, ConfigurableApplicationContext gateway) {
        this.settings = settings;
        this.identity = identity;
        this.infrastructure = infrastructure;
        this.services = services;
        this.gateway = gateway;
    }

    public static void main(String[] args) {
        if (java.util.List.of(args).contains("--engines-only")) {
            startEnginesOnly();
            return;
        }
        long start = System.nanoTime();
        LocalStack stack;
        try {
            stack = start(LocalStackSettings.fromEnvironment());
        } catch (RuntimeException e) {
            System.err.println("The local stack failed to start: " + e.getMessage());
            e.printStackTrace();
            // Non-daemon threads (Kafka, Netty, Tomcat) would keep a half-started JVM alive.
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        System.out.println(stack.describe((System.nanoTime() - start) / 1_000_000));
    }

    /** The engines alone, for services run as processes of their own (deploy/separate-processes.sh). */
    private static void startEnginesOnly() {
        EmbeddedInfrastructure infrastructure;
        try {
            infrastructure = EmbeddedEngines.start(LocalStackSettings.fromEnvironment());
        } catch (RuntimeException e) {
            System.err.println("The embedded engines failed to start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "engines-stop"));
        System.out.println(EmbeddedEngines.describe(infrastructure));
    }

    /** Starts everything; on failure stops what was started and throws. */
    public static LocalStack start(LocalStackSettings settings) {
        // logback.xml configures logging once for the JVM; five applications re-initialising it
        // in parallel would collide on the log file.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger(); // Tomcat logs through java.util.logging
            SLF4JBridgeHandler.install();
        }
        useForEventTimestamps(settings.clock());
        EmbeddedInfrastructure infrastructure = EmbeddedEngines.start(settings);
        Map<String, ConfigurableApplicationContext> services = Collections.synchronizedMap(new LinkedHashMap<>());
        ConfigurableApplicationContext identity = null;
        try {
            identity = startIdentity(settings);
            String issuer = identity.getEnvironment().getProperty("identity.issuer");

            List<Service> chosen = SERVICES.stream().filter(s -> settings.starts(s.name())).toList();
            List<String> unknown = settings.services().stream()
                    .filter(name -> SERVICES.stream().noneMatch(s -> s.name().equals(name))).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown services " + unknown + " (GOVERNANCE_SERVICES); the platform's are "
                        + SERVICES.stream().map(Service::name).toList());
            }
            // Services start in parallel: most of their start-up is waiting on I/O.
            ExecutorService executor = Executors.newFixedThreadPool(chosen.size());
            try {
                List<Future<?>> starts = new ArrayList<>();
                for (Service service : chosen) {
                    starts.add(executor.submit(() -> services.put(service.name(), startService(service, settings, infrastructure, issuer))));
                }
                for (Future<?> f : starts) {
                    f.get();
                }
            } finally {
                executor.shutdown();
            }
            ConfigurableApplicationContext gateway = startGateway(settings, services, issuer);
            return new LocalStack(settings, infrastructure, identity, services, gateway);
        } catch (Exception e) {
            services.values().forEach(ConfigurableApplicationContext::close);
            if (identity != null) {
                identity.close();
            }
            infrastructure.close();
            stopUsingForEventTimestamps(settings.clock());
            throw new IllegalStateException("local stack failed to start: " + rootMessage(e), e);
        }
    }

    /**
     * The authorisation server, first: the services and the gateway trust the tokens of its issuer. Development
     * secrets ({@code dev-<clientId>}) and a signing key kept under the data folder, so tokens outlive a restart.
     */
    private static ConfigurableApplicationContext startIdentity(LocalStackSettings settings) {
        // The issuer names the port, so a test stack's free port is chosen before the start.
        int port = settings.identityPort() == 0 ? FreePorts.find() : settings.identityPort();
        Map<String, Object> p = common(settings);
        p.put("server.port", port);
        p.put("identity.issuer", "http://127.0.0.1:" + port);
        p.put("identity.key-directory", settings.dataDirectory().resolve("identity").toAbsolutePath());
        p.put("identity.development-secrets", "true");
        return AuthorizationServerApplication.builder()
                .registerShutdownHook(false)
                .run(AuthorizationServerApplication.withOverrides(p));
    }

    private static ConfigurableApplicationContext startService(Service service, LocalStackSettings settings,
                                                               EmbeddedInfrastructure infra, String issuer) {
        Map<String, Object> p = common(settings);
        p.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
        p.put("server.port", settings.servicePort(service.name(), service.defaultPort()));
        p.put("spring.datasource.url", infra.postgres().jdbcUrl(service.database()));
        p.put("spring.datasource.username", infra.postgres().username());
        p.put("spring.datasource.password", infra.postgres().password());
        p.put("spring.kafka.bootstrap-servers", infra.kafka().bootstrapServers());
        p.put("spring.data.mongodb.uri", infra.mongo().connectionString());
        p.put("spring.data.mongodb.database", service.database());
        // The personal-data keys apart from the events (ARCHITECTURE.md, decision 10), under the published development
        // keys: the embedded stack holds synthetic data only.
        p.put("governance.personal-data.key-store.url", infra.postgres().jdbcUrl(service.database() + "_keys"));
        p.put("governance.personal-data.development-keys", "true");
        p.put("governance.topics.partitions", settings.topicPartitions());
        // One stack per data folder, so one instance of each service: after a crash it claims its own
        // partitions and processor segments back at once (see GovernanceProperties.instanceId).
        p.put("governance.instance-id", "local-stack");
        if (service.name().equals("case-service")) {
            // The Open311 facade's partners with their published development keys (dev-open311-<clientId>).
            p.put("governance.open311.development-keys", "true");
            if (settings.gatewayPort() != 0) { // a test stack's gateway takes a free port only when it starts
                p.put("governance.open311.public-url", "http://127.0.0.1:" + settings.gatewayPort());
            }
            for (int i = 0; i < LocalCallers.PARTNERS.size(); i++) {
                p.put("governance.open311.api-keys[" + i + "].client-id", LocalCallers.PARTNERS.get(i));
            }
        }
        return ServiceLauncher.builder(service.application(), service.name())
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", settings.clock()))
                .registerShutdownHook(false)
                .run(ServiceLauncher.withOverrides(p));
    }

    /**
     * Axon stamps events with one clock per JVM. With every service of the stack in this JVM, it is the stack's, so an
     * event's timestamp (its Kafka record's time, the case history's "as of") agrees with the instants its payload
     * carries, when the stack runs on a test's clock. Put back to the system's when that stack stops; a stack on the
     * system's clock leaves it alone (another stack of the same test JVM may run on a test clock).
     */
    private static void useForEventTimestamps(Clock clock) {
        if (!clock.equals(Clock.systemUTC())) {
            GenericEventMessage.clock = clock;
        }
    }

    private static void stopUsingForEventTimestamps(Clock clock) {
        if (!clock.equals(Clock.systemUTC())) {
            GenericEventMessage.clock = Clock.systemUTC();
        }
    }

    private static ConfigurableApplicationContext startGateway(LocalStackSettings settings,
                                                               Map<String, ConfigurableApplicationContext> services, String issuer) {
        Map<String, Object> p = common(settings);
        p.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
        p.put("server.port", settings.gatewayPort());
        p.put("management.server.port", settings.gatewayManagementPort());
        // the token endpoint the gateway routes same-origin (for the Swagger UI's client-credentials flow)
        p.put("governance.routes.authorization-server", issuer);
        // A stack on free ports is a test's or a benchmark's: they measure the services, not the per-client limits
        // (the gateway's own tests do); run-local's stack on the fixed ports has them as configured.
        if (settings.randomServicePorts()) {
            p.put("governance.gateway.rate-limit.enabled", "false");
        }
        for (Service s : SERVICES) {
            ConfigurableApplicationContext started = services.get(s.name());
            // A service not started answers nothing: port 1 refuses at once (503 from the gateway), where the
            // configured default port might reach another stack on this machine.
            p.put("governance.routes." + s.name(), "http://127.0.0.1:" + (started == null ? 1 : port(started)));
        }
        return new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=gateway")
                .registerShutdownHook(false)
                .run(ServiceLauncher.withOverrides(p));
    }

    private static Map<String, Object> common(LocalStackSettings settings) {
        Map<String, Object> p = new HashMap<>();
        // Five applications share this JVM: keep their meters apart.
        p.put("management.metrics.use-global-registry", "false");
        p.put("spring.main.banner-mode", "off");
        // Logging is logback.xml's (one file for the whole JVM); the services' names are in the thread names.
        p.put("logging.include-application-name", "false");
        return p;
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "-1"));
    }

    /** The issuer of the stack's tokens, e.g. {@code http://127.0.0.1:9000}; its token endpoint is {@code /oauth2/token}. */
    public String issuer() {
        return identity.getEnvironment().getProperty("identity.issuer");
    }

    public int gatewayPort() {
        return port(gateway);
    }

    /** The gateway's management port (health, metrics, prometheus): not the partners'. */
    public int gatewayManagementPort() {
        return Integer.parseInt(gateway.getEnvironment().getProperty("local.management.port", "-1"));
    }

    public int servicePort(String serviceName) {
        return port(services.get(serviceName));
    }

    public EmbeddedInfrastructure infrastructure() {
        return infrastructure;
    }

    public ConfigurableApplicationContext service(String serviceName) {
        return services.get(serviceName);
    }

    String describe(long startMillis) {
        StringBuilder b = new StringBuilder();
        b.append("\nChangning governance platform is up (").append(startMillis).append(" ms). Ctrl-C stops it.\n\n");
        b.append(String.format("  Gateway (partners)     http://127.0.0.1:%d/api/v1/cases  (one API document: /swagger-ui.html)%n", gatewayPort()));
        b.append(String.format("  Open311 GeoReport v2   http://127.0.0.1:%d/open311/v2/discovery.xml  (api_key: %s<clientId>)%n",
                gatewayPort(), LocalCallers.OPEN311_KEY_PREFIX));
        b.append(String.format("  Gateway management     http://127.0.0.1:%d/actuator/health  (metrics /actuator/prometheus)%n",
                gatewayManagementPort()));
        b.append(String.format("  Authorisation server   %s/oauth2/token  (development secrets: dev-<clientId>; see authorization-server/README.md)%n",
                issuer()));
        for (Service s : SERVICES) {
            if (!services.containsKey(s.name())) {
                b.append(String.format("  %-22s not started (GOVERNANCE_SERVICES)%n", s.name()));
                continue;
            }
            int port = servicePort(s.name());
            b.append(String.format("  %-22s http://127.0.0.1:%d  (OpenAPI /swagger-ui.html, metrics /actuator/prometheus)%n", s.name(), port));
        }
        b.append(String.format("  PostgreSQL             jdbc:postgresql://127.0.0.1:%d/<service>_service  (user postgres)%n",
                infrastructure.postgres().port()));
        b.append(String.format("  Kafka                  %s  (topics %s)%n", infrastructure.kafka().bootstrapServers(), String.join(", ", Topics.ALL)));
        b.append(String.format("  MongoDB wire server    %s%n", infrastructure.mongo().connectionString()));
        b.append(String.format("  Data and logs          %s%n", settings.dataDirectory().toAbsolutePath()));
        return b.toString();
    }

    @Override
    public synchronized void close() {
        if (gateway.isActive()) {
            gateway.close();
        }
        // In parallel: each service's shutdown mostly waits (graceful HTTP, Axon's processors, consumers).
        services.values().parallelStream()
                .filter(ConfigurableApplicationContext::isActive)
                .forEach(ConfigurableApplicationContext::close);
        if (identity.isActive()) {
            identity.close();
        }
        infrastructure.close();
        stopUsingForEventTimestamps(settings.clock());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Where the stack keeps its data; for tools that need it. */
    public Path dataDirectory() {
        return settings.dataDirectory();
    }
}
