package cn.changning.governance.dispatch.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, except that cancelling one schedule never fails the command that cancels it.
 *
 * <p>The orders cancel their deadlines by schedule id (issue 16). db-scheduler's {@code cancel} refuses a task that is
 * executing right now ({@link TaskInstanceCurrentlyExecutingException}); Axon 4.13's {@code cancelSchedule} catches
 * only {@link TaskInstanceNotFoundException} (a task that has fired). So a completion, pause or withdrawal committing
 * while the order's deadline fires on some instance would fail, at prepare-commit, with a 500. Cancelling within scope,
 * as before, never met this: it lists only tasks not picked. Letting the firing one run is safe: the order's deadline
 * handlers ignore a deadline of a closed or paused order, or one an extension has moved ({@code DeadlineDue}).</p>
 */
final class OrderDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(OrderDeadlineManager.class);

    private final Scheduler scheduler;
    private final DeadlineManagerSpanFactory spanFactory;

    OrderDeadlineManager(Builder builder, Scheduler scheduler, DeadlineManagerSpanFactory spanFactory) {
        super(builder);
        this.scheduler = scheduler;
        this.spanFactory = spanFactory;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        // As Axon's own: a delete by primary key, deferred to the unit of work's prepare-commit (same transaction).
        runOnPrepareCommitOrNow(spanFactory.createCancelScheduleSpan(deadlineName, scheduleId).wrapRunnable(() -> {
            try {
                scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
            } catch (TaskInstanceNotFoundException fired) {
                log.debug("Deadline {} [{}] is no longer scheduled (it fired or was cancelled)", deadlineName, scheduleId);
            } catch (TaskInstanceCurrentlyExecutingException firing) {
                log.debug("Deadline {} [{}] is firing now; its handler will find it stale", deadlineName, scheduleId);
            }
        }));
    }
}
