package cn.changning.governance.partyregistry.importing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The instance's import worker: one thread that takes the lease of the oldest unfinished job (a crashed instance's
 * job too, once its lease has run out) and runs it, chunk by chunk. An upload wakes it; otherwise it looks every
 * poll interval. On stop it finishes the chunk in hand and gives the lease up, so another instance resumes at once.
 */
public class ImportWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final ImportProperties properties;
    private final String owner;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public ImportWorker(ImportJobs jobs, ImportRunner runner, ImportProperties properties, String owner) {
        this.jobs = jobs;
        this.runner = runner;
        this.properties = properties;
        this.owner = owner;
    }

    /** Looks for a job now (an upload was just stored). */
    public void wake() {
        wake.release();
    }

    @Override
    public synchronized void start() {
        if (running || !properties.workerEnabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "registry-import-worker");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(20).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server and the consumers: jobs send commands and need the whole context. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void loop() {
        while (running) {
            try {
                Optional<ImportJobs.Claimed> job = jobs.claim(owner, properties.lease());
                if (job.isPresent()) {
                    log.info("Import job {} ({}) claimed by {} at row {}", job.get().jobId(), job.get().kind().parameter(),
                            owner, job.get().rowsRead());
                    ImportRunner.Outcome outcome = runner.run(job.get(), owner, Integer.MAX_VALUE, () -> running);
                    if (outcome == ImportRunner.Outcome.STOPPED) {
                        jobs.release(job.get().jobId(), owner);
                    }
                    continue;
                }
                wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The store away, a chunk that failed: the job keeps its committed progress; its lease runs out and
                // it is claimed again (here or elsewhere) on a later round.
                log.warn("Import worker round failed: {}", e.toString());
                try {
                    wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
