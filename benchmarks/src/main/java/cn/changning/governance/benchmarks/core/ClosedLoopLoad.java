package cn.changning.governance.benchmarks.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N clients, each sending its next request as soon as the previous one answered, for a warm-up
 * (not counted) and then a measured period; requests completing inside it are counted. Throughput is what the system sustains; latency is
 * per request as the client saw it.
 */
public final class ClosedLoopLoad {

    /** One request; returns true when the answer was the expected success. */
    @FunctionalInterface
    public interface Action {
        boolean run(int client) throws Exception;
    }

    public record Outcome(long completed, long errors, double seconds, Latency latency, String firstError) {
        public double throughput() {
            return completed / seconds;
        }
    }

    private ClosedLoopLoad() {
    }

    public static Outcome run(String name, int clients, Duration warmup, Duration duration, Action action) {
        Latency latency = new Latency(name);
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        return;
                    }
                    boolean ok;
                    String error = null;
                    try {
                        ok = action.run(client);
                    } catch (Exception e) {
                        ok = false;
                        error = e.toString();
                    }
                    long t1 = System.nanoTime();
                    // What completes inside the measured window counts (long operations started in the
                    // warm-up included), so throughput is the steady state's.
                    if (t1 >= measureFrom && t1 <= end) {
                        if (ok) {
                            latency.recordNanos(t1 - t0);
                            completed.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, error == null ? "unexpected answer" : error);
                        }
                    }
                }
            }, name + "-client-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join(Duration.ofNanos(end - System.nanoTime()).toMillis() + 120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Outcome(completed.get(), errors.get(), duration.toNanos() / 1e9, latency, firstError.get());
    }
}
