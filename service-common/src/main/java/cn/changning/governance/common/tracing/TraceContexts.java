package cn.changning.governance.common.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The current span as a W3C {@code traceparent} value, written by the application's own propagator
 * (W3C, see {@code GovernanceDefaults}), so it is exactly what an outgoing HTTP call would carry.
 */
public final class TraceContexts {

    public static final String TRACEPARENT_HEADER = "traceparent";
    /** W3C Trace Context level 2: the server's span, returned to the caller. */
    public static final String TRACERESPONSE_HEADER = "traceresponse";

    /** Version 00 of W3C Trace Context; all-zero trace and span ids are invalid. */
    private static final Pattern TRACEPARENT = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContexts(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Whether a value is a valid W3C {@code traceparent} (version 00), e.g. one read from a record of an outside producer. */
    public static boolean isValidTraceparent(String value) {
        return value != null && TRACEPARENT.matcher(value).matches();
    }

    /** The current span's traceparent, or null when no span is current (sampled or not, a span has one). */
    public String currentTraceparent() {
        Span span = tracer.currentSpan();
        if (span == null || span.context().traceId().isEmpty()) { // no span, or the no-op tracer's
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT_HEADER);
    }
}
