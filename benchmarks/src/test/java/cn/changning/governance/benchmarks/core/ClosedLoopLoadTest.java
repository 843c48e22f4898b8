package cn.changning.governance.benchmarks.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ClosedLoopLoadTest {

    @Test
    void aPeriodShorterThanOneRequestStillMeasuresOnePerClient() {
        // Each request takes 150 ms; the period asked is 20 ms, so none would complete inside it.
        ClosedLoopLoad.Outcome outcome = ClosedLoopLoad.run("slow", 3, Duration.ZERO, Duration.ofMillis(20), client -> {
            Thread.sleep(150); // the request itself, slow: the work under load, not a wait for a result
            return true;
        });

        assertThat(outcome.completed()).isGreaterThanOrEqualTo(3);
        assertThat(outcome.latency().count()).isEqualTo(outcome.completed());
        assertThat(outcome.seconds()).as("the period's real length, not the one asked").isGreaterThan(0.02);
    }

    @Test
    void failedRequestsAreCountedAsErrorsWithTheFirstOne() {
        ClosedLoopLoad.Outcome outcome = ClosedLoopLoad.run("failing", 2, Duration.ZERO, Duration.ofMillis(50), client -> {
            throw new IllegalStateException("refused " + client);
        });

        assertThat(outcome.completed()).isZero();
        assertThat(outcome.errors()).isGreaterThanOrEqualTo(2);
        assertThat(outcome.firstError()).contains("refused");
    }
}
