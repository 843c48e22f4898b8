package cn.changning.governance.dispatch;

import cn.changning.governance.common.launch.ServiceLauncher;
import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.contracts.dispatch.EscalationLevel;
import cn.changning.governance.contracts.dispatch.WithdrawalReason;
import cn.changning.governance.dispatch.domain.DispatchCommands.AcceptDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.IssueDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.PauseDispatchOrderClock;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReportHandling;
import cn.changning.governance.dispatch.domain.DispatchCommands.WithdrawDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchOrderIds;
import cn.changning.governance.embedded.EmbeddedInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * Cancelling an order's deadlines by the schedule ids its events recorded (issue 16), against the real db-scheduler
 * table in PostgreSQL: the recorded id is the task's, a cancelled deadline does not fire, and a cancel whose deadline
 * has fired or is firing right now does not fail the command.
 */
class DeadlineCancellationIntegrationTest {

    static final String DATABASE = "dispatch_service_cancel_" + UUID.randomUUID().toString().substring(0, 8);
    static ConfigurableApplicationContext context;
    static CommandGateway commands;
    static JdbcTemplate jdbc;
    static ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        EmbeddedInfrastructure infra = SharedInfrastructure.get();
        infra.postgres().ensureDatabase(DATABASE);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", infra.postgres().jdbcUrl(DATABASE));
        properties.put("spring.datasource.username", infra.postgres().username());
        properties.put("spring.datasource.password", infra.postgres().password());
        properties.put("spring.kafka.bootstrap-servers", infra.kafka().bootstrapServers());
        properties.put("spring.data.mongodb.uri", infra.mongo().connectionString());
        properties.put("spring.data.mongodb.database", DATABASE);
        properties.put("db-scheduler.polling-interval", "200ms");
        CaseTopic.ensureCaseTopic();
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        context = ServiceLauncher.run(DispatchServiceApplication.class, DispatchServiceApplication.SERVICE_NAME, Map.of(), args);
        commands = context.getBean(CommandGateway.class);
        jdbc = context.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void theIdsRecordedAreThoseOfTheTasksScheduled() {
        String orderId = issue(Duration.ofHours(1));
        JsonNode recorded = timerStartedMetaData(orderId);
        assertThat(taskInstances(orderId)).containsExactlyInAnyOrder(
                recorded.get("warningScheduleId").asText(), recorded.get("overdueScheduleId").asText());
    }

    @Test
    void aCancelledDeadlineDoesNotFire() {
        // Due in 3 s (warning at 80%): paused at once, both are cancelled by id and neither fires.
        String orderId = issue(Duration.ofSeconds(3));
        assertThat(taskInstances(orderId)).hasSize(2);
        commands.sendAndWait(new PauseDispatchOrderClock(orderId, Instant.now()));
        assertThat(taskInstances(orderId)).isEmpty();
        // Long enough past the deadline for the scheduler (polling every 200 ms) to have fired a deadline left behind.
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
        assertThat(count(orderId, "DispatchOrderDueSoon")).isZero();
        assertThat(count(orderId, "DispatchOrderOverdue")).isZero();
    }

    @Test
    void aCompletionAfterTheDeadlinesFiredSucceeds() {
        String orderId = issue(Duration.ofSeconds(2));
        commands.sendAndWait(new AcceptDispatchOrder(orderId, lead(), null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(orderId, "DispatchOrderEscalated") == 1);
        commands.sendAndWait(new ReportHandling(orderId, lead(), "RESOLVED", null, List.of(), null, Instant.now()));
        assertThat(count(orderId, "DispatchOrderHandled")).isEqualTo(1);
    }

    /**
     * A deadline gone from the table while the order still records its id (it fired and its handler found nothing
     * to do): db-scheduler's cancel throws TaskInstanceNotFoundException, which must not fail the withdrawal.
     */
    @Test
    void aCancelOfADeadlineNoLongerScheduledDoesNotFailTheCommand() {
        String orderId = issue(Duration.ofHours(1));
        jdbc.update("delete from scheduled_tasks where task_instance in (?, ?)", recordedIds(orderId));
        assertThatCode(() -> commands.sendAndWait(new WithdrawDispatchOrder(orderId, WithdrawalReason.CASE_REJECTED, Instant.now())))
                .doesNotThrowAnyException();
        assertThat(count(orderId, "DispatchOrderWithdrawn")).isEqualTo(1);
    }

    /**
     * The order's deadlines picked by an instance that is executing them right now: db-scheduler's cancel throws
     * TaskInstanceCurrentlyExecutingException, which Axon 4.13's cancelSchedule does not catch.
     */
    @Test
    void aCancelOfADeadlineFiringRightNowDoesNotFailTheCommand() {
        String orderId = issue(Duration.ofHours(1));
        // What db-scheduler writes when an instance picks an execution (the heartbeat fresh, so nobody resets it).
        int picked = jdbc.update("update scheduled_tasks set picked = true, picked_by = 'another-instance', last_heartbeat = now(),"
                + " version = version + 1 where task_instance in (?, ?)", recordedIds(orderId));
        assertThat(picked).isEqualTo(2);
        assertThatCode(() -> commands.sendAndWait(new WithdrawDispatchOrder(orderId, WithdrawalReason.CASE_REJECTED, Instant.now())))
                .doesNotThrowAnyException();
        assertThat(count(orderId, "DispatchOrderWithdrawn")).isEqualTo(1);
    }

    private static String issue(Duration dueIn) {
        String orderId = DispatchOrderIds.of(UUID.randomUUID().toString(), 0);
        Instant start = Instant.now();
        commands.sendAndWait(new IssueDispatchOrder(orderId, orderId.replace("-r0", ""), 0, "1101", "EVENT", "A", false,
                "310105102000001", "310105102", lead(), "CITY_MANAGEMENT_SQUAD", List.of(), List.of(), EscalationLevel.STREET,
                start, start.plus(dueIn), start));
        return orderId;
    }

    private static String lead() {
        return "310105102-squad";
    }

    private static JsonNode timerStartedMetaData(String orderId) {
        byte[] metaData = jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%.DispatchOrderTimerStarted'", byte[].class, orderId);
        try {
            return json.readTree(metaData);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object[] recordedIds(String orderId) {
        JsonNode recorded = timerStartedMetaData(orderId);
        return new Object[]{recorded.get("warningScheduleId").asText(), recorded.get("overdueScheduleId").asText()};
    }

    /** The tasks of this order: those whose ids its timer recorded. */
    private static List<String> taskInstances(String orderId) {
        return jdbc.queryForList("select task_instance from scheduled_tasks where task_instance in (?, ?)", String.class,
                recordedIds(orderId));
    }

    private static long count(String orderId, String event) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?",
                Long.class, orderId, "%." + event);
    }
}
