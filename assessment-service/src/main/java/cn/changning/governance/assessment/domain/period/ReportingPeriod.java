package cn.changning.governance.assessment.domain.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A month ({@code 2026-07}), quarter ({@code 2026-Q3}) or year ({@code 2026}) of the district's calendar. An instant
 * belongs to the period its date falls in, in the working calendar's zone (Asia/Shanghai): the zone is passed in, never
 * the JVM's.
 */
public record ReportingPeriod(PeriodKind kind, int year, int number) implements Comparable<ReportingPeriod> {

    /** The three forms of a period id. */
    public static final String PATTERN = "^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$";
    private static final Pattern FORM = Pattern.compile("^([0-9]{4})(?:-Q([1-4])|-([0-9]{2}))?$");

    public ReportingPeriod {
        Objects.requireNonNull(kind, "kind");
        if (year < 2000 || year > 2999) {
            throw new IllegalArgumentException("year " + year + " is outside 2000-2999");
        }
        int max = switch (kind) {
            case YEAR -> 0;
            case QUARTER -> 4;
            case MONTH -> 12;
        };
        if (kind == PeriodKind.YEAR ? number != 0 : number < 1 || number > max) {
            throw new IllegalArgumentException(kind + " number " + number + " is outside 1-" + max);
        }
    }

    public static ReportingPeriod year(int year) {
        return new ReportingPeriod(PeriodKind.YEAR, year, 0);
    }

    public static ReportingPeriod quarter(int year, int quarter) {
        return new ReportingPeriod(PeriodKind.QUARTER, year, quarter);
    }

    public static ReportingPeriod month(int year, int month) {
        return new ReportingPeriod(PeriodKind.MONTH, year, month);
    }

    /** Reads {@code 2026}, {@code 2026-Q3} or {@code 2026-07}; anything else is refused with the forms it takes. */
    public static ReportingPeriod parse(String id) {
        Matcher m = id == null ? null : FORM.matcher(id);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("a period is a year (2026), a quarter (2026-Q3) or a month (2026-07), not '" + id + "'");
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return quarter(year, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            return month(year, Integer.parseInt(m.group(3)));
        }
        return year(year);
    }

    /** The period's id, as {@link #parse} reads it. */
    public String id() {
        return switch (kind) {
            case YEAR -> Integer.toString(year);
            case QUARTER -> year + "-Q" + number;
            case MONTH -> "%d-%02d".formatted(year, number);
        };
    }

    /** The first day of the period. */
    public LocalDate start() {
        return switch (kind) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case QUARTER -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
            case MONTH -> LocalDate.of(year, number, 1);
        };
    }

    /** The first day after the period. */
    public LocalDate endExclusive() {
        return switch (kind) {
            case YEAR -> start().plusYears(1);
            case QUARTER -> start().plusMonths(3);
            case MONTH -> start().plusMonths(1);
        };
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && date.isBefore(endExclusive());
    }

    public boolean contains(Instant instant, ZoneId zone) {
        return contains(instant.atZone(zone).toLocalDate());
    }

    /** The month, quarter and year an instant falls in: the periods one fact counts towards. */
    public static List<ReportingPeriod> of(Instant instant, ZoneId zone) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        return List.of(month(date.getYear(), date.getMonthValue()),
                quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1),
                year(date.getYear()));
    }

    /** The months the period is made of, in order. */
    public List<ReportingPeriod> months() {
        LocalDate start = start();
        int count = switch (kind) {
            case YEAR -> 12;
            case QUARTER -> 3;
            case MONTH -> 1;
        };
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> month(start.plusMonths(i).getYear(), start.plusMonths(i).getMonthValue())).toList();
    }

    @Override
    public int compareTo(ReportingPeriod other) {
        int byStart = start().compareTo(other.start());
        return byStart != 0 ? byStart : Integer.compare(other.kind.ordinal(), kind.ordinal());
    }

    @Override
    public String toString() {
        return id();
    }

    /** For parse errors that callers turn into a 400 naming the field. */
    public static boolean isValid(String id) {
        try {
            parse(id);
            return true;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return false;
        }
    }
}
