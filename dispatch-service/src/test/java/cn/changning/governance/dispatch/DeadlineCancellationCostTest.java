package cn.changning.governance.dispatch;

import cn.changning.governance.common.launch.ServiceLauncher;
import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.dispatch.domain.DeadlineDue;
import cn.changning.governance.dispatch.domain.DispatchOrder;
import cn.changning.governance.embedded.EmbeddedInfrastructure;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
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

/**
 * Issue 16's figure, not a timing test: what cancelling one order's two deadlines costs while N other orders' deadlines
 * wait in {@code scheduled_tasks}, by scope (as before) and by schedule id (as now), through the service's own deadline
 * manager on the real PostgreSQL. It prints the figures and asserts only that the order's deadlines are gone.
 * On demand: {@code -Ddispatch.deadline-figures=true}.
 */
@EnabledIfSystemProperty(named = "dispatch.deadline-figures", matches = "true")
class DeadlineCancellationCostTest {

    static final int ROUNDS = 7;
    static final Instant FAR = Instant.now().plus(Duration.ofDays(30));

    @Test
    void printsTheCostOfCancellingOneOrdersDeadlinesBesideNOthers() {
        String database = "dispatch_service_cost_" + UUID.randomUUID().toString().substring(0, 8);
        try (ConfigurableApplicationContext context = start(database)) {
            DeadlineManager deadlines = context.getBean(DeadlineManager.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            System.out.printf("deadline cancellation, one order's warning + overdue (%s), median of %d [min-max], ms%n",
                    deadlines.getClass().getSimpleName(), ROUNDS);
            System.out.printf("%12s %28s %28s%n", "other rows", "cancelAllWithinScope", "cancelSchedule");
            int others = 0;
            for (int target : new int[]{0, 1_000, 10_000}) {
                others = fill(deadlines, jdbc, others, target);
                assertThat(rows(jdbc)).isEqualTo(target);
                measure(deadlines, jdbc, 3, true);  // warm-up, not printed
                measure(deadlines, jdbc, 3, false);
                List<Long> byScope = measure(deadlines, jdbc, ROUNDS, true);
                List<Long> byId = measure(deadlines, jdbc, ROUNDS, false);
                System.out.printf("%12d %28s %28s%n", target, summary(byScope), summary(byId));
            }
        }
    }

    /** Schedules other orders' deadlines until there are {@code target} rows: real ones up to 1,000, then copies. */
    private static int fill(DeadlineManager deadlines, JdbcTemplate jdbc, int have, int target) {
        int real = Math.min(target, 1_000);
        for (int i = have; i < real; i++) {
            // One deadline per other order: each row holds a different scope, as in the district.
            deadlines.schedule(FAR, DispatchOrder.OVERDUE_DEADLINE, new DeadlineDue(FAR),
                    new AggregateScopeDescriptor("DispatchOrder", "other-" + i));
        }
        int rows = rows(jdbc);
        if (target > rows) {
            // Copies of those rows under new task ids: the same bytes to read and deserialise per row.
            jdbc.update("insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)"
                    + " select t.task_name, t.task_instance || '-' || g, t.task_data, t.execution_time, false, 1"
                    + " from scheduled_tasks t cross join generate_series(1, ?) g", (target - rows) / rows);
        }
        return target;
    }

    /** Each round schedules the measured order's two deadlines, then times their cancellation (ns → ms). */
    private static List<Long> measure(DeadlineManager deadlines, JdbcTemplate jdbc, int rounds, boolean byScope) {
        List<Long> micros = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            AggregateScopeDescriptor order = new AggregateScopeDescriptor("DispatchOrder", "measured-" + UUID.randomUUID());
            String warning = deadlines.schedule(FAR, DispatchOrder.WARNING_DEADLINE, new DeadlineDue(FAR), order);
            String overdue = deadlines.schedule(FAR, DispatchOrder.OVERDUE_DEADLINE, new DeadlineDue(FAR), order);
            // No unit of work here: each call runs at once (in a command it runs at prepare-commit, same statements).
            long started = System.nanoTime();
            if (byScope) {
                deadlines.cancelAllWithinScope(DispatchOrder.WARNING_DEADLINE, order);
                deadlines.cancelAllWithinScope(DispatchOrder.OVERDUE_DEADLINE, order);
            } else {
                deadlines.cancelSchedule(DispatchOrder.WARNING_DEADLINE, warning);
                deadlines.cancelSchedule(DispatchOrder.OVERDUE_DEADLINE, overdue);
            }
            micros.add((System.nanoTime() - started) / 1_000);
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_instance in (?, ?)", Integer.class,
                    warning, overdue)).as("the measured order's deadlines are cancelled").isZero();
        }
        return micros;
    }

    private static String summary(List<Long> micros) {
        List<Long> sorted = micros.stream().sorted().toList();
        return String.format("%.2f [%.2f-%.2f]", sorted.get(sorted.size() / 2) / 1000.0, sorted.get(0) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static int rows(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class);
    }

    private static ConfigurableApplicationContext start(String database) {
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
        CaseTopic.ensureCaseTopic();
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return ServiceLauncher.run(DispatchServiceApplication.class, DispatchServiceApplication.SERVICE_NAME, Map.of(), args);
    }
}
