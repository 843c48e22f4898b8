package cn.changning.governance.gateway;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id the gateway gives every call: the caller's {@code X-Request-Id} when it is a sane
 * value (at most {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9._:-]}, safe in logs and headers),
 * else a new UUID. The services apply the same rule to direct calls (service-common's
 * {@code common.tracing.RequestIds}; the gateway does not depend on that module).
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** The request attribute under which the id of the current request is kept for the proxied request. */
    public static final String ATTRIBUTE = RequestIds.class.getName();
    public static final int MAX_LENGTH = 100;

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    private RequestIds() {
    }

    public static boolean isSane(String offered) {
        return offered != null && SANE.matcher(offered).matches();
    }

    /** The offered id if it is sane, else a new one. */
    public static String acceptOrCreate(String offered) {
        return isSane(offered) ? offered : UUID.randomUUID().toString();
    }
}
