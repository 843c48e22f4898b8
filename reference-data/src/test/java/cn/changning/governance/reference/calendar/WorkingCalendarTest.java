package cn.changning.governance.reference.calendar;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WorkingCalendar CALENDAR = WorkingCalendar.load();

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void eightWorkingHoursADayInShanghai() {
        assertThat(CALENDAR.zone()).isEqualTo(SHANGHAI);
        assertThat(CALENDAR.workingDayLength()).isEqualTo(Duration.ofHours(8));
        assertThat(CALENDAR.isWorkingTime(at("2026-03-02T09:00"))).isTrue();
        assertThat(CALENDAR.isWorkingTime(at("2026-03-02T08:59:59"))).isFalse();
        assertThat(CALENDAR.isWorkingTime(at("2026-03-02T12:00"))).as("lunch break").isFalse();
        assertThat(CALENDAR.isWorkingTime(at("2026-03-02T12:59"))).isFalse();
        assertThat(CALENDAR.isWorkingTime(at("2026-03-02T13:00"))).isTrue();
        assertThat(CALENDAR.isWorkingTime(at("2026-03-02T17:59"))).isTrue();
        assertThat(CALENDAR.isWorkingTime(at("2026-03-02T18:00"))).isFalse();
        assertThat(CALENDAR.isWorkingTime(at("2026-03-07T10:00"))).as("Saturday").isFalse();
    }

    @Test
    void deadlineSkipsTheLunchBreak() {
        assertThat(CALENDAR.deadline(at("2026-03-02T11:00"), TimeLimit.workingHours(2)))
                .isEqualTo(at("2026-03-02T14:00"));
    }

    @Test
    void aLimitUsedUpAtTheEndOfAPeriodFallsDueThen() {
        assertThat(CALENDAR.deadline(at("2026-03-02T09:00"), TimeLimit.workingHours(3)))
                .isEqualTo(at("2026-03-02T12:00"));
        assertThat(CALENDAR.deadline(at("2026-03-02T09:00"), TimeLimit.workingHours(8)))
                .isEqualTo(at("2026-03-02T18:00"));
    }

    @Test
    void deadlineSkipsTheWeekend() {
        assertThat(CALENDAR.deadline(at("2026-03-06T17:00"), TimeLimit.workingHours(2)))
                .isEqualTo(at("2026-03-09T10:00"));
    }

    @Test
    void aReportOutsideWorkingTimeStartsTheClockAtTheNextWorkingPeriod() {
        assertThat(CALENDAR.deadline(at("2026-03-07T15:00"), TimeLimit.workingHours(5)))
                .as("Saturday report, dirty road").isEqualTo(at("2026-03-09T15:00"));
        assertThat(CALENDAR.deadline(at("2026-03-02T12:30"), TimeLimit.workingHours(1)))
                .as("reported in the lunch break").isEqualTo(at("2026-03-02T14:00"));
        assertThat(CALENDAR.deadline(at("2026-03-02T22:00"), TimeLimit.workingHours(1)))
                .isEqualTo(at("2026-03-03T10:00"));
    }

    @Test
    void deadlineSkipsNationalDay2026() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-10-07"))).as("Wednesday in the holiday").isFalse();
        assertThat(CALENDAR.deadline(at("2026-09-30T16:00"), TimeLimit.workingHours(4)))
                .isEqualTo(at("2026-10-08T11:00"));
        assertThat(CALENDAR.deadline(at("2026-09-30T10:00"), TimeLimit.workingDays(1)))
                .isEqualTo(at("2026-10-08T10:00"));
    }

    @Test
    void makeUpWorkingSaturdayCounts() {
        assertThat(CALENDAR.isMakeUpWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(CALENDAR.isWorkingTime(at("2026-10-10T10:00"))).as("Saturday 10 October 2026").isTrue();
        assertThat(CALENDAR.isWorkingTime(at("2026-09-20T10:00"))).as("Sunday 20 September 2026").isTrue();
        assertThat(CALENDAR.deadline(at("2026-10-09T17:00"), TimeLimit.workingHours(3)))
                .isEqualTo(at("2026-10-10T11:00"));
        assertThat(CALENDAR.isWorkingTime(at("2026-10-11T10:00"))).as("the Sunday after").isFalse();
    }

    @Test
    void springFestival2026AndItsMakeUpDays() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-14"))).as("Saturday before").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-16"))).as("New Year's Eve").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-23"))).as("Monday, last day").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-24"))).isTrue();
        // Friday 13th 17:00: one hour that day, eight on Saturday 14th, then nothing until Tuesday 24th.
        assertThat(CALENDAR.deadline(at("2026-02-13T17:00"), TimeLimit.workingHours(10)))
                .isEqualTo(at("2026-02-24T10:00"));
    }

    @Test
    void holidaysOf2025() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-01-26"))).as("make-up Sunday").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-02-04"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-10-08"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-10-11"))).as("make-up Saturday").isTrue();
    }

    @Test
    void workingDaysFallDueAtTheSameTimeOfDay() {
        assertThat(CALENDAR.deadline(at("2026-03-03T10:30"), TimeLimit.workingDays(3)))
                .isEqualTo(at("2026-03-06T10:30"));
        assertThat(CALENDAR.deadline(at("2026-03-05T14:15"), TimeLimit.workingDays(2)))
                .as("over a weekend").isEqualTo(at("2026-03-09T14:15"));
        assertThat(CALENDAR.deadline(at("2026-04-03T10:00"), TimeLimit.workingDays(1)))
                .as("over Qingming 2026").isEqualTo(at("2026-04-07T10:00"));
        assertThat(CALENDAR.deadline(at("2026-06-01T09:30"), TimeLimit.workingDays(15)))
                .as("illegal construction, over the Dragon Boat Festival").isEqualTo(at("2026-06-23T09:30"));
    }

    @Test
    void workingTimeBetween() {
        assertThat(CALENDAR.workingTimeBetween(at("2026-03-02T11:00"), at("2026-03-02T14:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(CALENDAR.workingTimeBetween(at("2026-09-30T00:00"), at("2026-10-09T00:00")))
                .as("only 30 September and 8 October count").isEqualTo(Duration.ofHours(16));
        assertThat(CALENDAR.workingTimeBetween(at("2026-03-07T00:00"), at("2026-03-09T00:00"))).isZero();
        assertThat(CALENDAR.workingTimeBetween(at("2026-03-02T14:00"), at("2026-03-02T11:00")))
                .isEqualTo(Duration.ofHours(-2));
    }

    @Test
    void workingTimeBetweenIsConsistentWithDeadline() {
        Random random = new Random(20161001L);
        Instant first = at("2025-01-01T00:00");
        long span = Duration.between(first, at("2027-12-01T00:00")).toMinutes();
        for (int i = 0; i < 2_000; i++) {
            Instant start = first.plus(Duration.ofMinutes(random.nextLong(span)));
            TimeLimit limit = random.nextBoolean()
                    ? TimeLimit.workingHours(1 + random.nextInt(40))
                    : TimeLimit.workingDays(1 + random.nextInt(15));
            Instant due = CALENDAR.deadline(start, limit);
            assertThat(CALENDAR.workingTimeBetween(start, due)).as("%s from %s", limit, start)
                    .isEqualTo(CALENDAR.workingDuration(limit));
            assertThat(CALENDAR.isWorkingTime(due.minusSeconds(1))).as("due %s is at the end of working time", due)
                    .isTrue();
            // The 80% warning point lies before the deadline, with 80% of the working time used.
            Instant warning = CALENDAR.deadline(start, CALENDAR.workingDuration(limit).multipliedBy(4).dividedBy(5));
            assertThat(warning).isBefore(due);
        }
    }

    @Test
    void yearsBeyondTheDataFallBackToWeekdays() {
        assertThat(CALENDAR.covers(LocalDate.parse("2027-06-01"))).isTrue();
        assertThat(CALENDAR.provisionalYears()).containsExactly(2027);
        assertThat(CALENDAR.covers(LocalDate.parse("2028-01-03"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2028-01-03"))).as("Monday").isTrue();
        assertThat(CALENDAR.deadline(at("2027-12-31T17:00"), TimeLimit.workingHours(2)))
                .isEqualTo(at("2028-01-03T10:00"));
    }

    @Test
    void negativeWorkingTimeIsRejected() {
        assertThatThrownBy(() -> CALENDAR.deadline(at("2026-03-02T09:00"), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CALENDAR.deadline(at("2026-03-07T09:00"), Duration.ZERO)).isEqualTo(at("2026-03-07T09:00"));
    }
}
