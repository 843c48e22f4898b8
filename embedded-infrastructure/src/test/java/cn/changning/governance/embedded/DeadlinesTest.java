package cn.changning.governance.embedded;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinesTest {

    @Test
    void workThatEndsIsWaitedFor() {
        AtomicBoolean done = new AtomicBoolean();

        Thread thread = Deadlines.runBounded("quick", () -> done.set(true), Duration.ofMinutes(1));

        assertThat(thread.isAlive()).isFalse();
        assertThat(done).isTrue();
    }

    @Test
    void workThatHangsIsLeftAtTheDeadlineOnADaemonThreadAndSaysWhere() throws Exception {
        CountDownLatch never = new CountDownLatch(1);

        Thread thread = Deadlines.runBounded("stuck-stop", () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ofMillis(200));

        try {
            assertThat(thread.isAlive()).isTrue();
            assertThat(thread.isDaemon()).as("does not keep the JVM from exiting").isTrue();
            assertThat(thread.getName()).isEqualTo("stuck-stop");
            assertThat(Deadlines.stackOf(thread)).contains("CountDownLatch.await");
        } finally {
            never.countDown();
        }
    }
}
