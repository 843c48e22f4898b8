package cn.changning.governance.benchmarks.core;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded polling: every wait on a condition in the benchmark has a deadline. */
public final class Await {

    private Await() {
    }

    /** Polls until the probe yields a value or the timeout passes. */
    public static <T> Optional<T> poll(Supplier<Optional<T>> probe, Duration timeout, Duration interval) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent() || System.nanoTime() > deadline) {
                return value;
            }
            LockSupport.parkNanos(interval.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                return Optional.empty();
            }
        }
    }

    public static boolean until(BooleanSupplier condition, Duration timeout, Duration interval) {
        return poll(() -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(), timeout, interval).isPresent();
    }

    /** Paces a load generator to an intended instant (not a wait on a condition). */
    public static void paceUntil(long nanoTime) {
        long remaining;
        while ((remaining = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }
}
