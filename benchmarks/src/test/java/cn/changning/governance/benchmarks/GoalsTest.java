package cn.changning.governance.benchmarks;

import cn.changning.governance.benchmarks.core.Goal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GoalsTest {

    @Test
    void aReadSideThatCaughtUpWithinTheBoundMeetsTheGoal() {
        Goal goal = Goals.caughtUpWithin("caught up", "100% of peak", 1.4, true, 2);

        assertThat(goal.status()).isEqualTo(Goal.MET);
        assertThat(goal.ratio()).isEqualTo(0.7);
    }

    @Test
    void aReadSideTooSlowToCatchUpMissesIt() {
        assertThat(Goals.caughtUpWithin("caught up", "100% of peak", 2.5, true, 2).status()).isEqualTo(Goal.MISSED);
    }

    @Test
    void aReadSideStillBehindWhenTheBenchmarkStoppedWaitingMissesItWhateverTheBound() {
        Goal goal = Goals.caughtUpWithin("caught up", "100% of peak", 30, false, 60);

        assertThat(goal.status()).isEqualTo(Goal.MISSED);
        assertThat(goal.explanation()).contains("not caught up within 30 s");
    }

    @Test
    void noPeakRunIsNotMeasured() {
        assertThat(Goals.caughtUpWithin("caught up", "100% of peak", Double.NaN, false, 2).status()).isEqualTo(Goal.NOT_MEASURED);
    }
}
