package cn.changning.governance.common.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes the records past the retention every {@code governance.idempotency.purge-interval}, on a thread of its own
 * (the services do not all enable Spring's scheduling). Past the retention a record is ignored anyway; the purge only
 * keeps the table small. Every instance purges; the delete is the same from any of them.
 */
public class IdempotencyPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final IdempotencyRecords records;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public IdempotencyPurge(IdempotencyRecords records, IdempotencyProperties properties) {
        this.records = records;
        this.interval = properties.purgeInterval();
    }

    /** One purge, now (also what the schedule runs). */
    public int purgeNow() {
        int purged = records.purge();
        if (purged > 0) {
            log.debug("Purged {} idempotency records past the retention", purged);
        }
        return purged;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "idempotency-purge");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                purgeNow();
            } catch (RuntimeException e) {
                log.warn("Idempotency records not purged this time: {}", e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
