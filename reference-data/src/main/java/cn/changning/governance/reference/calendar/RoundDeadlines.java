package cn.changning.governance.reference.calendar;

import java.time.Duration;
import java.time.Instant;

/**
 * The one rule for the deadline of a dispatch round, used by the case and by its dispatch orders
 * alike, so that the case's deadline, its on-time flag at closing and its order's overdue flag
 * always agree. Every input is a fact both services see in the events (when the case was filed,
 * sent back, reopened, put on hold and resumed), never a clock of their own.
 *
 * <ul>
 *   <li>Round 0 is due when the item's time limit, in working time, has passed since filing
 *   ({@link WorkingCalendar#deadline(Instant, TimeLimit)}).</li>
 *   <li>A later round (rework or reopening) gets as much working time as round 0 had, from the
 *   moment the case was sent back or reopened ({@link #nextRound}).</li>
 *   <li>A hold stops the clock: the deadline moves on by the working time the hold lasted
 *   ({@link #afterHold}).</li>
 *   <li>Something done at the deadline is on time; after it, late ({@link #onTime}).</li>
 * </ul>
 * Where round 0 had no working time at all (a limit shorter than a night, or a test's clock), a
 * later round gets round 0's wall-clock time instead, so it never gets no time at all.
 */
public final class RoundDeadlines {

    private final WorkingCalendar calendar;

    public RoundDeadlines(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The deadline of a round started at {@code start} (rework or reopening): round 0's working time again. */
    public Instant nextRound(Instant start, Instant firstRoundStart, Instant firstRoundDeadline) {
        Duration working = calendar.workingTimeBetween(firstRoundStart, firstRoundDeadline);
        if (working.isZero() || working.isNegative()) {
            Duration wall = Duration.between(firstRoundStart, firstRoundDeadline);
            return start.plus(wall.isNegative() ? Duration.ZERO : wall);
        }
        return calendar.deadline(start, working);
    }

    /** The deadline after a hold from {@code heldFrom} to {@code heldUntil}: moved on by the hold's working time. */
    public Instant afterHold(Instant deadline, Instant heldFrom, Instant heldUntil) {
        if (deadline == null) {
            return null;
        }
        Duration held = calendar.workingTimeBetween(heldFrom, heldUntil).abs();
        return held.isZero() ? deadline : calendar.deadline(deadline, held); // a hold over a weekend costs no time
    }

    /** Whether something done at {@code at} meets the deadline (no deadline: always). */
    public static boolean onTime(Instant at, Instant deadline) {
        return deadline == null || !at.isAfter(deadline);
    }
}
