package cn.changning.governance.contracts;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id that follows one call from the gateway to the Kafka record ({@link EventHeaders#REQUEST_ID}): the
 * caller's {@code X-Request-Id} when it is a sane value (at most {@value #MAX_LENGTH} characters of
 * {@code [A-Za-z0-9._:-]}, so it can go into logs and headers as it is), else a new UUID. One rule for the gateway
 * and the services; while a request is handled its id is in the logging MDC under {@value #MDC_KEY}.
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
}
