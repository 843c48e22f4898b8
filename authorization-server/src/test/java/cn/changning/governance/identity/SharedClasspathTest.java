package cn.changning.governance.identity;

import cn.changning.governance.identity.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack runs every application in one JVM on one classpath. This module's tests run on that classpath
 * (its test dependencies are the four services, the gateway and the embedded engines), with no PostgreSQL, Kafka or
 * MongoDB running: the server starts (the shared test server, see {@link TestServer#shared()}) and switches none of
 * the services' libraries on.
 */
class SharedClasspathTest {

    /** Auto-configurations of the libraries this server must not switch on (by class-name prefix). */
    static final List<String> FORBIDDEN = List.of(
            "org.axonframework.",
            "cn.changning.governance.common.",
            "com.github.kagkarlsson.",
            "org.springframework.boot.autoconfigure.jdbc.",
            "org.springframework.boot.autoconfigure.sql.",
            "org.springframework.boot.autoconfigure.orm.",
            "org.springframework.boot.autoconfigure.data.jdbc.",
            "org.springframework.boot.autoconfigure.data.jpa.",
            "org.springframework.boot.autoconfigure.flyway.",
            "org.springframework.boot.autoconfigure.mongo.",
            "org.springframework.boot.autoconfigure.data.mongo.",
            "org.springframework.boot.autoconfigure.kafka.",
            "org.springframework.boot.autoconfigure.integration.",
            "org.springframework.boot.actuate.autoconfigure.jdbc.",
            "org.springframework.boot.actuate.autoconfigure.flyway.",
            "org.springframework.boot.actuate.autoconfigure.data.mongo.",
            "org.springframework.boot.actuate.autoconfigure.metrics.jdbc.",
            "org.springframework.boot.actuate.autoconfigure.metrics.mongo.",
            "org.springframework.boot.actuate.autoconfigure.metrics.orm.",
            "org.springframework.boot.actuate.autoconfigure.metrics.integration.",
            "org.springframework.boot.actuate.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.integration.",
            "org.springframework.cloud.stream.",
            "org.springframework.cloud.function.",
            "org.springframework.cloud.gateway.",
            "org.springdoc.");

    static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        context = TestServer.shared().context();
    }

    @Test
    void theServicesLibrariesAreReallyOnThisClasspath() throws ClassNotFoundException {
        for (String type : List.of("org.axonframework.config.Configuration", "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
                "com.zaxxer.hikari.HikariDataSource", "org.postgresql.Driver", "org.flywaydb.core.Flyway",
                "com.mongodb.client.MongoClient", "org.springframework.data.mongodb.core.MongoTemplate",
                "org.apache.kafka.clients.producer.KafkaProducer", "org.springframework.kafka.core.KafkaTemplate",
                "org.springframework.cloud.stream.binding.BindingService", "org.springframework.integration.channel.DirectChannel",
                "com.github.kagkarlsson.scheduler.Scheduler", "org.springframework.cloud.gateway.server.mvc.GatewayServerMvcAutoConfiguration",
                "cn.changning.governance.common.config.GovernanceServiceAutoConfiguration",
                "cn.changning.governance.cases.CaseServiceApplication", "cn.changning.governance.gateway.GatewayApplication")) {
            Class.forName(type);
        }
    }

    @Test
    void noAutoConfigurationOfTheServicesLibrariesIsSwitchedOn() {
        ConditionEvaluationReport report = ConditionEvaluationReport.get(context.getBeanFactory());
        List<String> switchedOn = new ArrayList<>();
        for (Map.Entry<String, ConditionEvaluationReport.ConditionAndOutcomes> e : report.getConditionAndOutcomesBySource().entrySet()) {
            if (e.getValue().isFullMatch() && forbidden(e.getKey())) {
                switchedOn.add(e.getKey());
            }
        }
        report.getUnconditionalClasses().stream().filter(SharedClasspathTest::forbidden).forEach(switchedOn::add);
        assertThat(switchedOn).as("auto-configurations switched on; exclude them in authorization-server.yml").isEmpty();
        // And the exclusions are the yml's (a sample), so the list above is not empty for want of candidates.
        assertThat(report.getExclusions()).contains("org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
                "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration",
                "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration",
                "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration");
    }

    @Test
    void thereIsNoDataSourceMongoClientKafkaClientAxonOrSchedulerInTheContext() throws ClassNotFoundException {
        for (String type : List.of("javax.sql.DataSource", "org.flywaydb.core.Flyway", "com.mongodb.client.MongoClient",
                "org.springframework.data.mongodb.core.MongoTemplate", "org.springframework.kafka.core.KafkaTemplate",
                "org.springframework.kafka.core.ProducerFactory", "org.springframework.cloud.stream.binding.BindingService",
                "org.axonframework.config.Configuration", "org.axonframework.eventhandling.EventBus",
                "com.github.kagkarlsson.scheduler.Scheduler", "org.springframework.transaction.PlatformTransactionManager")) {
            assertThat(context.getBeanNamesForType(Class.forName(type))).as(type).isEmpty();
        }
        assertThat(context.getBeanFactory().getBeanDefinitionNames()).noneMatch(name -> name.toLowerCase().contains("axon"));
    }

    private static boolean forbidden(String source) {
        return FORBIDDEN.stream().anyMatch(source::startsWith);
    }
}
