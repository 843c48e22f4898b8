package cn.changning.governance.dispatch;

import cn.changning.governance.common.launch.ServiceLauncher;
import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.contracts.dispatch.EscalationLevel;
import cn.changning.governance.dispatch.domain.DispatchCommands.IssueDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchOrderIds;
import cn.changning.governance.embedded.EmbeddedInfrastructure;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deadlines live in PostgreSQL, not in a JVM: an order's clock is scheduled by one service instance, that instance
 * stops before anything is due, and two fresh instances on the same database fire the warning, the overdue and the
 * escalation exactly once between them.
 */
class DeadlineRestartIntegrationTest {

    final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    final String database = "dispatch_service_restart_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void stopAll() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void theClockSurvivesARestartAndFiresOnceAcrossInstances() {
        // Xinjing town, a place no other test uses: these instances join the service's consumer groups, so while the
        // HTTP tests' cached context lives they may share the dispatch topic with it (see DispatchHttpTest).
        ConfigurableApplicationContext first = start();
        String orderId = DispatchOrderIds.of(UUID.randomUUID().toString(), 0);
        // Due 20 s from now: the first instance is long stopped before the 80% warning (16 s) falls due.
        Instant start = Instant.now();
        Instant deadline = start.plus(Duration.ofSeconds(20));
        first.getBean(CommandGateway.class).sendAndWait(new IssueDispatchOrder(orderId, orderId.replace("-r0", ""), 0,
                "1501", "EVENT", "B", true, "310105102000001", "310105102", "310105102-squad", "CITY_MANAGEMENT_SQUAD",
                List.of("310105102-police"), List.of("POLICE_STATION"), EscalationLevel.STREET, start, deadline, start));
        JdbcTemplate firstJdbc = first.getBean(JdbcTemplate.class);
        assertThat(firstJdbc.queryForObject("select count(*) from scheduled_tasks", Long.class)).isEqualTo(2L);
        first.close();
        assertThat(Instant.now()).as("the first instance stopped before the warning was due").isBefore(start.plusSeconds(16));

        ConfigurableApplicationContext second = start();
        ConfigurableApplicationContext third = start();
        JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(jdbc, orderId, "DispatchOrderEscalated") == 1
                && jdbc.queryForObject("select count(*) from scheduled_tasks", Long.class) == 0);
        // Give a would-be second firing its chance (both instances poll every 200 ms) before counting.
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(count(jdbc, orderId, "DispatchOrderDueSoon")).isEqualTo(1);
        assertThat(count(jdbc, orderId, "DispatchOrderOverdue")).isEqualTo(1);
        assertThat(count(jdbc, orderId, "DispatchOrderEscalated")).isEqualTo(1);
        assertThat(third.isRunning()).isTrue();
    }

    private static long count(JdbcTemplate jdbc, String orderId, String event) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?",
                Long.class, orderId, "%." + event);
    }

    private ConfigurableApplicationContext start() {
        EmbeddedInfrastructure infra = SharedInfrastructure.get();
        infra.postgres().ensureDatabase(database);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", infra.postgres().jdbcUrl(database));
        properties.put("spring.datasource.username", infra.postgres().username());
        properties.put("spring.datasource.password", infra.postgres().password());
        properties.put("spring.kafka.bootstrap-servers", infra.kafka().bootstrapServers());
        properties.put("spring.data.mongodb.uri", infra.mongo().connectionString());
        properties.put("spring.data.mongodb.database", database);
        properties.put("db-scheduler.polling-interval", "200ms");
        CaseTopic.ensureCaseTopic();
        // As command-line arguments: they outrank dispatch-service.yml (builder properties are only defaults).
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = ServiceLauncher.run(DispatchServiceApplication.class,
                DispatchServiceApplication.SERVICE_NAME, Map.of(), args);
        contexts.add(context);
        return context;
    }
}
