package cn.changning.governance.common.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection settings every service used to repeat, now derived from its name. */
class GovernanceDefaultsTest {

    @Test
    void aServiceGetsItsConnectionsAndDatabasesFromItsNameAlone() {
        StandardEnvironment env = environment(Map.of(), Map.of("governance.service-name", "party-registry-service"));

        assertThat(env.getProperty("spring.application.name")).isEqualTo("party-registry-service");
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/party_registry_service");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("postgres");
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("postgres");
        assertThat(env.getProperty("spring.datasource.hikari.maximum-pool-size")).isEqualTo("20");
        assertThat(env.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("127.0.0.1:9092");
        assertThat(env.getProperty("spring.data.mongodb.uri")).isEqualTo("mongodb://127.0.0.1:27017");
        assertThat(env.getProperty("spring.data.mongodb.database")).isEqualTo("party_registry_service");
    }

    @Test
    void theEnvironmentVariablesOfDeployReadmeStillWork() {
        StandardEnvironment env = environment(Map.of(
                        "GOVERNANCE_POSTGRES_URL", "jdbc:postgresql://db:5432",
                        "GOVERNANCE_POSTGRES_USER", "governance",
                        "GOVERNANCE_POSTGRES_PASSWORD", "secret",
                        "GOVERNANCE_KAFKA_BOOTSTRAP", "kafka:9092",
                        "GOVERNANCE_MONGO_URI", "mongodb://mongo:27017/?replicaSet=rs0",
                        "CASE_SERVICE_DATABASE", "cases_pg",
                        "CASE_SERVICE_MONGO_DATABASE", "cases_mongo"),
                Map.of("governance.service-name", "case-service"));

        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/cases_pg");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("governance");
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("secret");
        assertThat(env.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("kafka:9092");
        assertThat(env.getProperty("spring.data.mongodb.uri")).isEqualTo("mongodb://mongo:27017/?replicaSet=rs0");
        assertThat(env.getProperty("spring.data.mongodb.database")).isEqualTo("cases_mongo");
    }

    @Test
    void aServicesOwnFileStillWins() {
        StandardEnvironment env = environment(Map.of(), Map.of("governance.service-name", "dispatch-service",
                "spring.datasource.hikari.maximum-pool-size", "8"));

        assertThat(env.getProperty("spring.datasource.hikari.maximum-pool-size")).isEqualTo("8");
        assertThat(env.getProperty("spring.datasource.url")).endsWith("/dispatch_service");
    }

    @Test
    void everyConsoleLineShowsTraceSpanAndRequestIdAndTracesPropagateAsW3c() {
        StandardEnvironment env = environment(Map.of(), Map.of("governance.service-name", "case-service"));

        assertThat(env.getProperty("logging.pattern.correlation")).isEqualTo("[%X{traceId:-},%X{spanId:-},%X{requestId:-}] ");
        assertThat(env.getProperty("management.tracing.propagation.type")).isEqualTo("W3C");
    }

    @Test
    void theGatewayGetsNoStores() {
        StandardEnvironment env = environment(Map.of(), Map.of("spring.application.name", "gateway"));

        assertThat(env.containsProperty("spring.datasource.url")).isFalse();
        assertThat(env.containsProperty("spring.data.mongodb.database")).isFalse();
        assertThat(env.getProperty("spring.application.name")).isEqualTo("gateway");
    }

    /** An environment with the given variables and a service's file, after the defaults were added. */
    private static StandardEnvironment environment(Map<String, Object> variables, Map<String, Object> serviceFile) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addLast(new MapPropertySource("variables", variables));
        env.getPropertySources().addLast(new MapPropertySource("serviceFile", serviceFile));
        new GovernanceDefaults().postProcessEnvironment(env, new SpringApplication());
        return env;
    }
}
