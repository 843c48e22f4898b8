package cn.changning.governance.benchmarks.platform;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A child process the benchmark started, stopped when closed and, if the benchmark exits first, by a shutdown hook:
 * SIGTERM, a grace period, then kill.
 */
final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final Duration grace;
    private final String what;
    private final Thread stopOnExit;

    /** @param what e.g. "the platform", for the line printed when it had to be killed, and the hook's thread */
    ChildProcess(Process process, Duration grace, String what) {
        this.process = process;
        this.grace = grace;
        this.what = what;
        this.stopOnExit = new Thread(this::stop, what.replace(' ', '-') + "-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook is running or ran
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println(what + " (pid " + process.pid() + ") did not stop within " + grace.toSeconds() + " s: killed");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
