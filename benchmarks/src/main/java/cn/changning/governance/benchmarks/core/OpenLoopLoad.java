package cn.changning.governance.benchmarks.core;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests at a fixed rate whatever the answers' speed (open loop), so a slow answer does not
 * hide the requests that should have been sent meanwhile: each latency is measured from the
 * instant the request was due (no coordinated omission).
 */
public final class OpenLoopLoad {

    /** One request due at {@code dueNanos}; returns true on success. Only measured requests count. */
    @FunctionalInterface
    public interface Action {
        boolean run(long dueNanos, boolean measured) throws Exception;
    }

    public record Outcome(long sent, long completed, long errors, double seconds) {
        public double achievedRate() {
            return completed / seconds;
        }
    }

    private OpenLoopLoad() {
    }

    public static Outcome run(String name, double ratePerSecond, Duration warmup, Duration duration, int maxInFlight,
                              Action action) {
        ExecutorService workers = Executors.newFixedThreadPool(maxInFlight, r -> {
            Thread t = new Thread(r, name + "-worker");
            t.setDaemon(true);
            return t;
        });
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long sent = 0;
        long interval = (long) (1e9 / ratePerSecond);
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        try {
            for (long due = start; due < end; due += interval) {
                Await.paceUntil(due);
                long dueAt = due;
                boolean measured = due >= measureFrom;
                if (measured) {
                    sent++;
                }
                workers.execute(() -> {
                    boolean ok;
                    try {
                        ok = action.run(dueAt, measured);
                    } catch (Exception e) {
                        ok = false;
                    }
                    if (measured) {
                        (ok ? completed : errors).incrementAndGet();
                    }
                });
            }
        } finally {
            workers.shutdown();
            try {
                workers.awaitTermination(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers.shutdownNow();
        }
        return new Outcome(sent, completed.get(), errors.get(), duration.toNanos() / 1e9);
    }
}
