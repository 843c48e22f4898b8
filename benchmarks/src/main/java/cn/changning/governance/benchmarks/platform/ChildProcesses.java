package cn.changning.governance.benchmarks.platform;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** How the benchmark stops a child process it started: SIGTERM, a grace period, then kill. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** @param what e.g. "the platform", for the line printed when it had to be killed */
    static void stop(Process process, Duration grace, String what) {
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
