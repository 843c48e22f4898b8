package cn.changning.governance.gateway.resilience;

import cn.changning.governance.http.Problems;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.web.HttpRequestHandler;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * The answer for a service that cannot answer: every route's circuit breaker forwards here (never routed from outside;
 * the security chain refuses the path to callers). 503 problem+json with {@code Retry-After}, saying what happened
 * in the caller's terms: too slow, not reachable, or not being called for now. A plain handler (mapped in
 * {@link ResilienceConfiguration}), not a controller: it is no route of the API.
 */
public class ServiceUnavailableHandler implements HttpRequestHandler {

    /** The fallback path of every route's CircuitBreaker filter (gateway.yml). */
    public static final String PATH = "/gateway/service-unavailable";

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableHandler.class);

    private final ResilienceProperties properties;

    public ServiceUnavailableHandler(ResilienceProperties properties) {
        this.properties = properties;
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object failure = request.getAttribute(MvcUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String service = "The service";
        String detail;
        long retryAfter;
        if (failure instanceof CallNotPermittedException) {
            retryAfter = properties.getOpenFor().toSeconds();
            detail = service + " has failed repeatedly and is not being called for now; retry later";
        } else if (failure instanceof TimeoutException) {
            retryAfter = 5;
            detail = service + " did not answer in time; retry later";
        } else {
            retryAfter = 5;
            detail = service + " could not be reached; retry later";
        }
        // One line, no stack trace: a service being away is an operator's matter, not a bug of the gateway.
        log.warn("{} {} answered 503: {} ({})", request.getMethod(), request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI), detail,
                failure == null ? "no failure recorded" : failure.getClass().getSimpleName());
        response.setHeader("Retry-After", String.valueOf(Math.max(1, retryAfter)));
        Problems.write(response, 503, "service-unavailable", "Service unavailable", detail);
    }
}
