package cn.changning.governance.common.tracing;

import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id that follows one call from the gateway to the Kafka record: the caller's
 * {@code X-Request-Id} when it is a sane value (at most {@value #MAX_LENGTH} characters of
 * {@code [A-Za-z0-9._:-]}, so it can go into logs and headers as it is), else a new UUID.
 * While a request is handled it is in the MDC under {@value #MDC_KEY}. The gateway applies the
 * same rule (its own copy: the gateway does not depend on this module).
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final int MAX_LENGTH = 100;

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    private RequestIds() {
    }

    /** Whether a request id offered by a caller can be taken as it is. */
    public static boolean isSane(String offered) {
        return offered != null && SANE.matcher(offered).matches();
    }

    /** The offered id if it is sane, else a new one. */
    public static String acceptOrCreate(String offered) {
        return isSane(offered) ? offered : UUID.randomUUID().toString();
    }

    /** The id of the request this thread is handling, or null outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
