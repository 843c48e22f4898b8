package cn.changning.governance.benchmarks.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N clients, each sending its next request as soon as the previous one answered, for a warm-up
 * (not counted) and then a measured period; requests completing inside it are counted. Throughput is what the system sustains; latency is
 * per request as the client saw it.
 *
 * <p>The measured period lasts at least until as many requests as there are clients have completed (at most
 * {@link #LONGEST_EXTENSION} longer than asked): when a request takes longer than the period (the quick mode's short
 * periods on a loaded machine), the figures then rest on some requests rather than on none. The period's real length is
 * what {@link Outcome#seconds()} reports.</p>
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

    static final Duration LONGEST_EXTENSION = Duration.ofSeconds(60);

    private ClosedLoopLoad() {
    }

    public static Outcome run(String name, int clients, Duration warmup, Duration duration, Action action) {
        Latency latency = new Latency(name);
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long asked = measureFrom + duration.toNanos();
        long latest = asked + LONGEST_EXTENSION.toNanos();
        // Open until a client, about to send its next request, finds the period over and closes it for all.
        AtomicLong end = new AtomicLong(Long.MAX_VALUE);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end.get()) {
                        return;
                    }
                    if (t0 >= asked && (completed.get() + errors.get() >= clients || t0 >= latest)) {
                        end.compareAndSet(Long.MAX_VALUE, t0);
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
                    if (t1 >= measureFrom && t1 <= end.get()) {
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
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(latest - System.nanoTime())) + 120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // A client still stuck in a request past every bound: the period ends now.
        end.compareAndSet(Long.MAX_VALUE, System.nanoTime());
        return new Outcome(completed.get(), errors.get(), (end.get() - measureFrom) / 1e9, latency, firstError.get());
    }
}
