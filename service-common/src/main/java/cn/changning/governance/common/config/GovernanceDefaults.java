package cn.changning.governance.common.config;

import cn.changning.governance.common.consuming.ConsumerConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Defaults every service shares, added with the lowest precedence so that a service's own
 * file, environment variables and command line still win. Kept in one place so the four
 * services do not repeat them: a service's file says its name ({@code governance.service-name}),
 * port, topic and what only it needs.
 *
 * <p>Connections come from the environment (see {@code deploy/README.md}):
 * {@code GOVERNANCE_POSTGRES_URL} (server URL without database), {@code GOVERNANCE_POSTGRES_USER},
 * {@code GOVERNANCE_POSTGRES_PASSWORD}, {@code GOVERNANCE_KAFKA_BOOTSTRAP}, {@code GOVERNANCE_MONGO_URI}.
 * Each service's databases are named after it ({@code case-service} → {@code case_service}),
 * renamed by {@code <SERVICE>_DATABASE} and {@code <SERVICE>_MONGO_DATABASE}
 * (e.g. {@code CASE_SERVICE_DATABASE}); its personal-data keys are in {@code <database>_keys} on the same server,
 * renamed by {@code <SERVICE>_KEYS_DATABASE}.</p>
 */
public class GovernanceDefaults implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY_SOURCE = "governanceDefaults";
    /** Logback: trace id, span id and request id of the line's request (MDC keys of Micrometer Tracing and common.tracing). */
    public static final String CORRELATION_PATTERN = "[%X{traceId:-},%X{spanId:-},%X{requestId:-}] ";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Axon's update checker calls the internet every minute; this machine has none.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        // The local stack runs every application on one classpath: a library one service needs must
        // not switch itself on in the others (the gateway included). A service that schedules
        // durable deadlines enables it in its own file.
        d.put("db-scheduler.enabled", "false");
        // Spring Cloud Stream binds only the functions the common wiring names (EventConsumerBindings),
        // never a functional bean it happens to find; and Kafka being away is not a reason to call an
        // application unhealthy (events wait in the store; consumers resume).
        d.put("spring.cloud.stream.function.autodetect", "false");
        // Spring Cloud Gateway (on the local stack's classpath) would otherwise route POST /{name} of any
        // of these applications to the function of that name: a way around every API into the consumers.
        d.put("spring.cloud.gateway.function.enabled", "false");
        d.put("management.health.binders.enabled", "false");
        // A binding that cannot be made (Kafka away at start) is retried; sooner than the default 30 s.
        d.put("spring.cloud.stream.binding-retry-interval", "5");
        if (!environment.containsProperty("governance.service-name")) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, d));
            return; // not one of our services (e.g. the gateway)
        }
        String serviceName = environment.getProperty("governance.service-name");
        d.put("spring.cloud.gateway.server.webmvc.enabled", "false"); // a service is not a gateway
        d.putAll(connections(serviceName));
        d.put("axon.axonserver.enabled", "false");
        d.put("axon.serializer.general", "jackson");
        d.put("axon.serializer.events", "jackson");
        d.put("axon.serializer.messages", "jackson");
        d.put("axon.metrics.micrometer.dimensional", "true");
        d.put("axon.eventhandling.processors.kafka-publisher.mode", "tracking");
        d.put("axon.eventhandling.processors.kafka-publisher.batch-size", "${governance.publisher.batch-size:500}");

        d.put("governance.instance-id", "${GOVERNANCE_INSTANCE_ID:}");
        // Spring Integration logs every failed batch with its stack trace on the binder's error
        // channel; the consumers' error handling logs one line per failure and per dead letter.
        d.put("logging.level.org.springframework.integration.handler.LoggingHandler", "OFF");
        consumerBindingDefaults(d);
        tracingDefaults(d);

        d.put("spring.flyway.locations", "classpath:db/axon,classpath:db/${governance.service-name}");
        d.put("spring.flyway.baseline-on-migrate", "false");
        // The shared migrations (db/axon, V1-V9) may come after a service's own (V10 on): a database that has a
        // service's V10 already takes a new shared V2 then, instead of refusing to start.
        d.put("spring.flyway.out-of-order", "true");

        d.put("spring.jackson.serialization.write-dates-as-timestamps", "false");
        // The application's mapper reads events, records and documents: tolerant of fields added later. Request
        // bodies are read by a strict copy of it (common.web.StrictJson).
        d.put("spring.jackson.deserialization.fail-on-unknown-properties", "false");
        d.put("server.shutdown", "graceful");
        // Above the gateway's 16KB: a request the gateway let through, with the headers it adds, is never cut off
        // here (the connection closed under the gateway, which answered 503 for a client's bad header).
        d.put("server.max-http-request-header-size", "32KB");

        // The Mongo wire server has no 'hello' command: Boot's indicator would report DOWN.
        d.put("management.health.mongo.enabled", "false");
        d.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        d.put("management.endpoint.health.probes.enabled", "true");
        d.put("management.metrics.tags.service", "${governance.service-name}");
        d.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");

        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, d));
    }

    /**
     * Trace context as the gateway sends it (W3C {@code traceparent}; Boot's default, fixed here as the
     * platform's contract), and every console line shows the trace, span and request id
     * ({@code [traceId,spanId,requestId]}, empty outside a request). Sampling does not touch either:
     * an unsampled span keeps its ids, in the MDC and downstream; it only decides what an exporter would get.
     */
    static void tracingDefaults(Map<String, Object> d) {
        d.put("management.tracing.propagation.type", "W3C");
        d.put("logging.pattern.correlation", CORRELATION_PATTERN);
    }

    /** The Kafka binder's settings for every EventConsumer binding (topics, group: EventConsumerBindings). */
    private static void consumerBindingDefaults(Map<String, Object> d) {
        d.put("spring.cloud.stream.kafka.binder.brokers", "${spring.kafka.bootstrap-servers:127.0.0.1:9092}");
        // A consumer may start before the service that owns its topic: the binder then creates the
        // topic as the owner would (kept for ever, the configured partitions).
        d.put("spring.cloud.stream.kafka.binder.auto-create-topics", "true");
        d.put("spring.cloud.stream.kafka.binder.min-partition-count", "${governance.topics.partitions:3}");
        d.put("spring.cloud.stream.kafka.binder.replication-factor", "${governance.topics.replicas:1}");
        d.put("spring.cloud.stream.kafka.default.consumer.topic.properties.retention.ms", "-1");
        d.put("spring.cloud.stream.kafka.default.consumer.topic.properties.retention.bytes", "-1");
        String consumer = "spring.cloud.stream.kafka.default.consumer.";
        d.put(consumer + "converter-bean-name", ConsumerConfiguration.BATCH_CONVERTER);
        d.put(consumer + "start-offset", "earliest");
        d.put(consumer + "configuration.max.poll.records", "1000");
        // How long the broker holds a fetch that finds nothing (records that arrive end it at once, since
        // fetch.min.bytes stays 1): at 20 ms each idle consumer made 50 fetches/s, most of an idle
        // service's CPU; at 500 ms an idle stack uses a seventh of it and delivery is no slower.
        d.put(consumer + "configuration.fetch.max.wait.ms", "500");
    }

    /** Where a service's stores are, from the environment, with its databases named after it. */
    static Map<String, Object> connections(String serviceName) {
        String database = databaseName(serviceName);
        String variable = database.toUpperCase(Locale.ROOT); // CASE_SERVICE
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("spring.application.name", serviceName);
        d.put("spring.datasource.url", "${GOVERNANCE_POSTGRES_URL:jdbc:postgresql://127.0.0.1:5432}/${"
                + variable + "_DATABASE:" + database + "}");
        d.put("spring.datasource.username", "${GOVERNANCE_POSTGRES_USER:postgres}");
        d.put("spring.datasource.password", "${GOVERNANCE_POSTGRES_PASSWORD:postgres}");
        d.put("spring.datasource.hikari.maximum-pool-size", "20");
        // The personal-data keys (common.personaldata): a database of their own on the same server, never the event
        // store's, so a backup of the events holds no key.
        d.put("governance.personal-data.key-store.url", "${GOVERNANCE_POSTGRES_URL:jdbc:postgresql://127.0.0.1:5432}/${"
                + variable + "_KEYS_DATABASE:" + database + "_keys}");
        d.put("governance.personal-data.key-store.username", "${spring.datasource.username}");
        d.put("governance.personal-data.key-store.password", "${spring.datasource.password}");
        d.put("spring.kafka.bootstrap-servers", "${GOVERNANCE_KAFKA_BOOTSTRAP:127.0.0.1:9092}");
        // Tokens (common/security): any OIDC provider's issuer; the platform's own authorisation server by default.
        // On the local stack's one classpath the authorisation server's own auto-configuration would give a service
        // a signing key of its own and a JwtDecoder trusting only that key.
        d.put("spring.autoconfigure.exclude", String.join(",",
                "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration",
                "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration",
                // No exemplars (trace ids) on /actuator/prometheus: Prometheus 2.42 (Debian 12's) drops a whole scrape with
                // an exemplar on a histogram's _count line. Boot 3.5 has no property to turn them off; this
                // auto-configuration is what hands the registry a span context. Trace ids stay in the logs and headers.
                "org.springframework.boot.actuate.autoconfigure.tracing.prometheus.PrometheusExemplarsAutoConfiguration"));
        d.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", "${GOVERNANCE_ISSUER_URI:http://127.0.0.1:9000}");
        d.put("spring.security.oauth2.resourceserver.jwt.audiences", "governance-platform");
        // Spring Security's own spans would sit between the request's span (its log lines) and the controller's
        // (its commands' traceparent): one span per request is what an operator follows.
        d.put("management.observations.enable.spring.security", "false");
        d.put("spring.data.mongodb.uri", "${GOVERNANCE_MONGO_URI:mongodb://127.0.0.1:27017}");
        d.put("spring.data.mongodb.database", "${" + variable + "_MONGO_DATABASE:" + database + "}");
        return d;
    }

    /** A service's database name in PostgreSQL and MongoDB: {@code party-registry-service} → {@code party_registry_service}. */
    public static String databaseName(String serviceName) {
        return serviceName.replace('-', '_');
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
