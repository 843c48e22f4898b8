package cn.changning.governance.dispatch.domain;

import cn.changning.governance.reference.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The order's clock on the working calendar: the 80% warning and the rework round's deadline. */
class WorkingTimeDeadlinesTest {

    @Test
    void theWarningFallsAtEightyPercentOfWorkingTimeOrOfWallClockTimeWhenThereIsNone() {
        WorkingTimeDeadlines deadlines = new WorkingTimeDeadlines(WorkingCalendar.load());
        // Friday 17:00 to Monday 11:00 (Shanghai) holds 3 working hours; 80% (2 h 24 min) ends Monday 10:24.
        assertThat(deadlines.warningAt(Instant.parse("2026-11-20T09:00:00Z"), Instant.parse("2026-11-23T03:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-23T02:24:00Z"));
        // Saturday night to Sunday morning holds no working time: wall-clock share instead.
        assertThat(deadlines.warningAt(Instant.parse("2026-11-28T16:00:00Z"), Instant.parse("2026-11-28T16:00:10Z")))
                .isEqualTo(Instant.parse("2026-11-28T16:00:08Z"));
    }
}
