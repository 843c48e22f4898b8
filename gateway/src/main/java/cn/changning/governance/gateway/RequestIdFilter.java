package cn.changning.governance.gateway;

import cn.changning.governance.contracts.RequestIds;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives every call its request id ({@link RequestIds}), keeps it for the proxied request, puts it in
 * the MDC beside the trace and span ids (Boot's observation of the request, which this filter runs
 * inside, has put those there) and echoes it; the response also names the gateway's span as
 * {@code traceresponse}. At DEBUG it logs one line per call: method, path and status, never the
 * query or the body (personal data).
 */
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String TRACERESPONSE = "traceresponse";
    /** The request attribute under which the id of the current request is kept for the proxied request. */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

    private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);

    private final Tracer tracer;
    private final Propagator propagator;

    public RequestIdFilter(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        request.setAttribute(RequestIdFilter.ATTRIBUTE, requestId);
        response.setHeader(RequestIds.HEADER, requestId);
        String traceparent = currentTraceparent();
        if (traceparent != null) {
            response.setHeader(TRACERESPONSE, traceparent);
        }
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            if (log.isDebugEnabled()) {
                log.debug("{} {} answered {}", request.getMethod(), request.getRequestURI(), response.getStatus());
            }
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private String currentTraceparent() {
        Span span = tracer.currentSpan();
        if (span == null || span.context().traceId().isEmpty()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get("traceparent");
    }
}
