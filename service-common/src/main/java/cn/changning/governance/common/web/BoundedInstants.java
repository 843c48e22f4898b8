package cn.changning.governance.common.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The instants the API takes, in query parameters and bodies alike: ISO-8601 (e.g. {@code 2026-11-27T02:00:00Z}, an
 * offset allowed), from 1970 to 9999. Java reads years up to ±1,000,000,000, which the stores cannot hold: an
 * instant outside that range is refused as input, never passed on.
 */
public final class BoundedInstants {

    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    static final String FORMAT = "an ISO-8601 instant such as 2026-11-27T02:00:00Z, between 1970 and 9999";

    private BoundedInstants() {
    }

    /** @throws IllegalArgumentException with the reason, when the text is no such instant */
    public static Instant parse(String text) {
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be " + FORMAT);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("must lie between 1970 and 9999");
        }
        return instant;
    }
}
