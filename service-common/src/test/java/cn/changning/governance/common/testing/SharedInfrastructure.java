package cn.changning.governance.common.testing;

import cn.changning.governance.embedded.EmbeddedInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded PostgreSQL, Kafka and Mongo wire server, started once per test JVM and shared
 * by every test in it (started on first use, stopped when the JVM exits, after Spring's
 * cached contexts). Each Spring context gets its own PostgreSQL and Mongo database, so
 * cached contexts never see each other's data.
 */
public final class SharedInfrastructure {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();
    private static volatile EmbeddedInfrastructure infrastructure;

    private SharedInfrastructure() {
    }

    public static synchronized EmbeddedInfrastructure get() {
        if (infrastructure == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
            EmbeddedInfrastructure started = EmbeddedInfrastructure.start(EmbeddedInfrastructure.Settings.forTests());
            infrastructure = started;
            // Registered after Spring's context-cache hook only if Spring started first; the
            // broker tolerates clients that are still closing.
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-infrastructure-stop"));
        }
        return infrastructure;
    }

    /**
     * Points a service's context at the shared infrastructure, with a fresh database of its own.
     *
     * @param databasePrefix e.g. {@code case_service}
     */
    public static void register(DynamicPropertyRegistry registry, String databasePrefix) {
        EmbeddedInfrastructure infra = get();
        String database = databasePrefix + "_t" + CONTEXTS.incrementAndGet();
        infra.postgres().ensureDatabase(database);
        registry.add("spring.datasource.url", () -> infra.postgres().jdbcUrl(database));
        registry.add("spring.datasource.username", infra.postgres()::username);
        registry.add("spring.datasource.password", infra.postgres()::password);
        registry.add("spring.kafka.bootstrap-servers", infra.kafka()::bootstrapServers);
        registry.add("spring.data.mongodb.uri", infra.mongo()::connectionString);
        registry.add("spring.data.mongodb.database", () -> database);
        // Personal data (common.personaldata): the keys in a database of their own, created when a service that holds
        // personal data reads the URL (one that does not, governance.personal-data.enabled=false, never does).
        registry.add("governance.personal-data.key-store.url", () -> {
            infra.postgres().ensureDatabase(database + "_keys");
            return infra.postgres().jdbcUrl(database + "_keys");
        });
        registry.add("governance.personal-data.development-keys", () -> "true");
    }

    /** Makes the service trust {@link TestTokens}' key (see {@link TestCallers} for the callers). */
    public static void registerTokens(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((key, value) -> registry.add(key, () -> value));
    }
}
