package cn.changning.governance.common.tracing;

import cn.changning.governance.contracts.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Gives every request its request id (the caller's {@code X-Request-Id} if sane, else a new one)
 * and puts it in the MDC beside the trace and span ids, which Boot's observation of the request
 * has put there already (this filter runs inside it). The response echoes {@code X-Request-Id} and
 * the server span as {@code traceresponse}. At DEBUG it logs one line per request: method, path
 * and status, never the query or the body (personal data).
 */
public class RequestCorrelationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestCorrelationFilter.class);

    private final TraceContexts traceContexts;

    public RequestCorrelationFilter(TraceContexts traceContexts) {
        this.traceContexts = traceContexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        response.setHeader(RequestIds.HEADER, requestId);
        String traceparent = traceContexts.currentTraceparent();
        if (traceparent != null) {
            response.setHeader(TraceContexts.TRACERESPONSE_HEADER, traceparent);
        }
        String outer = MDC.get(RequestIds.MDC_KEY);
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            if (log.isDebugEnabled()) {
                log.debug("{} {} answered {}", request.getMethod(), request.getRequestURI(), response.getStatus());
            }
            if (outer == null) {
                MDC.remove(RequestIds.MDC_KEY);
            } else {
                MDC.put(RequestIds.MDC_KEY, outer);
            }
        }
    }
}
