package cn.changning.governance.reference.calendar;

import cn.changning.governance.reference.ReferenceJson;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The working calendar that case time limits run on, from {@value #RESOURCE}: working periods on
 * working days, public holidays and the make-up working days (调休上班) of the State Council schedule.
 *
 * <p>A day is a working day if it is a make-up working day, or else if it is a working weekday and no
 * public holiday. Years the data does not cover fall back to the weekday rule alone, so deadlines never
 * fail; {@link #covers(LocalDate)} tells whether a date's year is covered. Pure and deterministic.
 */
public final class WorkingCalendar {

    public static final String RESOURCE = "reference/working-calendar.v1.json";

    /** A guard against data with no working time at all; no real limit spans ten years. */
    private static final int MAX_DAYS_SCANNED = 3_660;

    /** A daily working period, start inclusive, end exclusive, in local time. */
    public record WorkingPeriod(LocalTime start, LocalTime end) {
        public WorkingPeriod {
            if (start == null || end == null || !start.isBefore(end)) {
                throw new IllegalArgumentException("working period must start before it ends: " + start + "-" + end);
            }
        }
    }

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final List<WorkingPeriod> periods;
    private final Map<LocalDate, String> holidays;
    private final Map<LocalDate, String> makeUpWorkingDays;
    private final Set<Integer> coveredYears;
    private final Set<Integer> provisionalYears;
    private final Duration workingDayLength;

    public WorkingCalendar(ZoneId zone, Set<DayOfWeek> workingDays, List<WorkingPeriod> periods,
                           Map<LocalDate, String> holidays, Map<LocalDate, String> makeUpWorkingDays,
                           Set<Integer> coveredYears, Set<Integer> provisionalYears) {
        this.zone = Objects.requireNonNull(zone, "time zone");
        this.workingDays = Collections.unmodifiableSet(EnumSet.copyOf(workingDays));
        List<WorkingPeriod> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(WorkingPeriod::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException("working periods overlap: " + sorted);
            }
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("a working calendar needs at least one working period");
        }
        this.periods = List.copyOf(sorted);
        this.holidays = Collections.unmodifiableMap(new TreeMap<>(holidays));
        this.makeUpWorkingDays = Collections.unmodifiableMap(new TreeMap<>(makeUpWorkingDays));
        for (LocalDate date : this.makeUpWorkingDays.keySet()) {
            if (this.holidays.containsKey(date)) {
                throw new IllegalArgumentException(date + " is both a holiday and a make-up working day");
            }
        }
        this.coveredYears = Collections.unmodifiableSet(new TreeSet<>(coveredYears));
        this.provisionalYears = Collections.unmodifiableSet(new TreeSet<>(provisionalYears));
        this.workingDayLength = this.periods.stream()
                .map(p -> Duration.between(p.start(), p.end()))
                .reduce(Duration.ZERO, Duration::plus);
    }

    public static WorkingCalendar load() {
        CalendarJson json = ReferenceJson.read(RESOURCE, CalendarJson.class);
        Map<LocalDate, String> holidays = new TreeMap<>();
        Map<LocalDate, String> makeUp = new TreeMap<>();
        Set<Integer> covered = new TreeSet<>();
        Set<Integer> provisional = new TreeSet<>();
        for (YearJson year : json.years()) {
            if (!covered.add(year.year())) {
                throw new IllegalArgumentException("year listed twice: " + year.year());
            }
            if (year.provisional()) {
                provisional.add(year.year());
            }
            for (HolidayJson h : year.holidays()) {
                LocalDate from = LocalDate.parse(h.from());
                LocalDate to = LocalDate.parse(h.to());
                if (to.isBefore(from) || from.getYear() != year.year()) {
                    throw new IllegalArgumentException("bad holiday range " + h);
                }
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    holidays.put(d, h.name());
                }
            }
            for (MakeUpJson m : year.makeUpWorkingDays()) {
                LocalDate date = LocalDate.parse(m.date());
                // A make-up day is by definition a weekend day; anything else is a typo in the data.
                if (date.getYear() != year.year() || json.workingDays().contains(date.getDayOfWeek())) {
                    throw new IllegalArgumentException("make-up working day " + date + " is not a weekend day of " + year.year());
                }
                makeUp.put(date, m.reason());
            }
        }
        List<WorkingPeriod> periods = json.workingPeriods().stream()
                .map(p -> new WorkingPeriod(LocalTime.parse(p.start()), LocalTime.parse(p.end())))
                .toList();
        return new WorkingCalendar(ZoneId.of(json.timeZone()), EnumSet.copyOf(json.workingDays()), periods,
                holidays, makeUp, covered, provisional);
    }

    public ZoneId zone() {
        return zone;
    }

    public List<WorkingPeriod> workingPeriods() {
        return periods;
    }

    /** The working time in one full working day (8 hours for 09:00-12:00 and 13:00-18:00). */
    public Duration workingDayLength() {
        return workingDayLength;
    }

    /** Whether the data holds the holiday schedule for this date's year. */
    public boolean covers(LocalDate date) {
        return coveredYears.contains(date.getYear());
    }

    /** Years whose schedule is a projection, to be replaced when the State Council publishes it. */
    public Set<Integer> provisionalYears() {
        return provisionalYears;
    }

    public boolean isHoliday(LocalDate date) {
        return holidays.containsKey(date);
    }

    public boolean isMakeUpWorkingDay(LocalDate date) {
        return makeUpWorkingDays.containsKey(date);
    }

    public boolean isWorkingDay(LocalDate date) {
        if (makeUpWorkingDays.containsKey(date)) {
            return true;
        }
        return !holidays.containsKey(date) && workingDays.contains(date.getDayOfWeek());
    }

    public boolean isWorkingTime(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (!isWorkingDay(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return periods.stream().anyMatch(p -> !time.isBefore(p.start()) && time.isBefore(p.end()));
    }

    /**
     * The working time a limit allows: n working hours, or n full working days (n x 8 hours). Counting
     * days as hours makes a limit started mid-morning fall due at the same time of day n working days on.
     */
    public Duration workingDuration(TimeLimit limit) {
        return switch (limit.unit()) {
            case WORKING_HOURS -> Duration.ofHours(limit.amount());
            case WORKING_DAYS -> workingDayLength.multipliedBy(limit.amount());
        };
    }

    public Instant deadline(Instant start, TimeLimit limit) {
        return deadline(start, workingDuration(limit));
    }

    /**
     * The earliest instant by which the given working time has elapsed after {@code start}. Time outside
     * working periods does not count, so a case reported at night starts its clock at 09:00 on the next
     * working day; a limit used up exactly at 12:00 or 18:00 falls due then, not after the break.
     */
    public Instant deadline(Instant start, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + workingTime);
        }
        if (workingTime.isZero()) {
            return start;
        }
        Duration remaining = workingTime;
        LocalDate date = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_SCANNED; i++, date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (WorkingPeriod period : periods) {
                Instant periodStart = date.atTime(period.start()).atZone(zone).toInstant();
                Instant periodEnd = date.atTime(period.end()).atZone(zone).toInstant();
                Instant from = periodStart.isAfter(start) ? periodStart : start;
                if (!from.isBefore(periodEnd)) {
                    continue;
                }
                Duration available = Duration.between(from, periodEnd);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("no working time found within " + MAX_DAYS_SCANNED + " days of " + start);
    }

    /**
     * Working time between two instants, e.g. elapsed time against a limit for the 80% warning.
     * Signed: negative when {@code to} is before {@code from}. Consistent with
     * {@link #deadline(Instant, Duration)}: {@code workingTimeBetween(s, deadline(s, d))} equals {@code d}.
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (WorkingPeriod period : periods) {
                Instant periodStart = date.atTime(period.start()).atZone(zone).toInstant();
                Instant periodEnd = date.atTime(period.end()).atZone(zone).toInstant();
                Instant a = periodStart.isAfter(from) ? periodStart : from;
                Instant b = periodEnd.isBefore(to) ? periodEnd : to;
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    private record CalendarJson(String timeZone, List<DayOfWeek> workingDays, List<PeriodJson> workingPeriods,
                                List<YearJson> years) {
    }

    private record PeriodJson(String start, String end) {
    }

    private record YearJson(int year, String source, boolean provisional, List<HolidayJson> holidays,
                            List<MakeUpJson> makeUpWorkingDays) {
    }

    private record HolidayJson(String name, String nameZh, String from, String to) {
    }

    private record MakeUpJson(String date, @JsonProperty("for") String reason) {
    }
}
