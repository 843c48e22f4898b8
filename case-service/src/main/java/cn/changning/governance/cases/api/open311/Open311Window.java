package cn.changning.governance.cases.api.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The time window of a list: {@code start_date} and {@code end_date}, ISO 8601 with a zone or offset. A window wider
 * than the list's maximum is refused (400) rather than narrowed: a partner would otherwise take a partial answer
 * for the whole. Without {@code end_date} the window ends now (a partner polling "since my last look" gets everything
 * since); without {@code start_date} it starts the default span before its end.
 *
 * @param from inclusive
 * @param to   exclusive (equal to {@code from}: an empty window)
 */
record Open311Window(Instant from, Instant to) {

    /** How far a window reaches by default and at most. */
    record Span(Duration byDefault, Duration most) {
    }

    /** The spec's requests: 90 days by default and at most. */
    static final Span REQUESTS = new Span(Duration.ofDays(90), Duration.ofDays(90));
    /** Updates: the last day by default (FixMyStreet polls with both dates), 90 days at most. */
    static final Span UPDATES = new Span(Duration.ofDays(1), Duration.ofDays(90));
    /** The most cases whose updates one answer reads. */
    static final int MAX_CASES = 2000;

    static Open311Window of(String start, String end, Instant now, Span span) {
        Instant from = start == null ? null : instant("start_date", start);
        Instant to = end == null ? null : instant("end_date", end);
        boolean endGiven = to != null;
        if (!endGiven) {
            // A start a little ahead of our clock (the partner's runs fast) finds nothing yet rather than a refusal.
            to = from != null && from.isAfter(now) ? from : now;
        }
        if (from == null) {
            from = to.minus(span.byDefault());
        }
        if (endGiven && !from.isBefore(to)) {
            throw Open311Exception.badRequest("start_date, end_date: start_date must be before end_date");
        }
        if (Duration.between(from, to).compareTo(span.most()) > 0) {
            throw Open311Exception.badRequest("start_date, end_date: at most " + span.most().toDays() + " days apart");
        }
        return new Open311Window(from, to);
    }

    /**
     * The {@code status} filter ({@code open}, {@code closed}, or both comma-separated) as the read model's open flag:
     * null for both or none.
     */
    static Boolean openFilter(String status) {
        if (status == null) {
            return null;
        }
        Set<String> wanted = Arrays.stream(status.split(",")).map(String::strip).collect(Collectors.toSet());
        if (!Set.of("open", "closed").containsAll(wanted)) {
            throw Open311Exception.badRequest("status: open, closed or both (comma-separated)");
        }
        return wanted.size() == 2 ? null : wanted.contains("open");
    }

    private static Instant instant(String field, String value) {
        try {
            // A "+" left unencoded in a query string arrives as a space.
            return OffsetDateTime.parse(value.replace(' ', '+'), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Exception.badRequest(field + ": ISO 8601 with a zone offset, e.g. 2026-11-30T00:00:00+08:00");
        }
    }
}
