package cn.changning.governance.embedded;

import java.time.Duration;

/** Work that must not hold up a stop for ever: run on a thread of its own, waited for up to a deadline. */
final class Deadlines {

    private Deadlines() {
    }

    /**
     * Runs {@code work} on a daemon thread named {@code name} and waits for it up to {@code deadline}. Returns the
     * thread: alive if the work was still running at the deadline (it goes on, and does not keep the JVM from
     * exiting). The work's own exception, if any, is the thread's: logged by its uncaught-exception handler.
     */
    static Thread runBounded(String name, Runnable work, Duration deadline) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(deadline.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the caller is being stopped itself: stop waiting
        }
        return thread;
    }

    /** A thread's stack, one frame a line, for a log line that says where something is stuck. */
    static String stackOf(Thread thread) {
        StringBuilder b = new StringBuilder();
        for (StackTraceElement frame : thread.getStackTrace()) {
            b.append("\n\tat ").append(frame);
        }
        return b.toString();
    }
}
