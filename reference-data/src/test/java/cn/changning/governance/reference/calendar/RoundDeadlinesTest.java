package cn.changning.governance.reference.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The one deadline rule for a round, on the district's calendar (9:00–12:00, 13:00–18:00, Monday to Friday, Shanghai). */
class RoundDeadlinesTest {

    static final RoundDeadlines RULE = new RoundDeadlines(WorkingCalendar.load());

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @Test
    void aReworkRoundGetsRoundZerosWorkingTimeAgainFromWhenItWasSentBack() {
        // Round 0: filed Monday 10:00 with 4 working hours, due Monday 15:00 (the lunch hour does not count).
        Instant due = RULE.nextRound(at("2026-03-03T16:00"), at("2026-03-02T10:00"), at("2026-03-02T15:00"));
        // Sent back Tuesday 16:00: 2 hours that day, 2 the next morning.
        assertThat(due).isEqualTo(at("2026-03-04T11:00"));
    }

    @Test
    void aRoundWhoseFirstRoundHadNoWorkingTimeGetsItsWallClockTime() {
        // Filed Saturday 10:00, due Saturday 12:00 (a test's clock, or a limit inside a weekend).
        assertThat(RULE.nextRound(at("2026-03-08T10:00"), at("2026-03-07T10:00"), at("2026-03-07T12:00")))
                .isEqualTo(at("2026-03-08T12:00"));
    }

    @Test
    void aHoldMovesTheDeadlineOnByTheWorkingTimeItLasted() {
        // Due Wednesday 11:00; on hold Monday 17:00 to Tuesday 10:00 = 2 working hours.
        assertThat(RULE.afterHold(at("2026-03-04T11:00"), at("2026-03-02T17:00"), at("2026-03-03T10:00")))
                .isEqualTo(at("2026-03-04T14:00"));
    }

    @Test
    void aHoldOverAWeekendCostsNoTime() {
        Instant due = at("2026-03-09T11:00");
        assertThat(RULE.afterHold(due, at("2026-03-07T09:00"), at("2026-03-08T20:00"))).isEqualTo(due);
        assertThat(RULE.afterHold(null, at("2026-03-07T09:00"), at("2026-03-08T20:00"))).isNull();
    }

    @Test
    void doneAtTheDeadlineIsOnTimeAndAfterItLate() {
        Instant due = at("2026-03-04T11:00");
        assertThat(RoundDeadlines.onTime(due, due)).isTrue();
        assertThat(RoundDeadlines.onTime(due.plusSeconds(1), due)).isFalse();
        assertThat(RoundDeadlines.onTime(due, null)).isTrue();
    }
}
