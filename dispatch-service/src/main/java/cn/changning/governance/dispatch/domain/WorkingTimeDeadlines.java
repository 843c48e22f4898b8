package cn.changning.governance.dispatch.domain;

import cn.changning.governance.reference.calendar.WorkingCalendar;

import java.time.Duration;
import java.time.Instant;

/**
 * Deadline arithmetic on the working calendar. The warning falls when 80% of the working time between start and
 * deadline has elapsed (a round's deadline itself is reference data's RoundDeadlines). When no working time
 * lies between the two (a limit shorter than the night, or a test clock), wall-clock time is used instead, so a
 * warning never falls after its deadline.
 */
public final class WorkingTimeDeadlines implements DeadlinePlanner {

    static final double WARNING_SHARE = 0.8;

    private final WorkingCalendar calendar;

    public WorkingTimeDeadlines(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Instant warningAt(Instant start, Instant deadline) {
        if (!deadline.isAfter(start)) {
            return deadline;
        }
        Duration working = calendar.workingTimeBetween(start, deadline);
        if (working.isZero()) {
            return start.plus(share(Duration.between(start, deadline)));
        }
        Instant warning = calendar.deadline(start, share(working));
        return warning.isAfter(deadline) ? deadline : warning;
    }

    private static Duration share(Duration d) {
        return Duration.ofMillis(Math.round(d.toMillis() * WARNING_SHARE));
    }
}
