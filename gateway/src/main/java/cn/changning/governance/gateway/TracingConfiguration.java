package cn.changning.governance.gateway;

import cn.changning.governance.contracts.RequestIds;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;

/**
 * How a call is followed through the gateway. Boot observes the incoming request (continuing the
 * caller's W3C {@code traceparent}, or starting a trace) and the proxy's outgoing request: the
 * gateway forwards with the {@code RestClient} built from Boot's observed {@code RestClient.Builder}
 * ({@code RestClientProxyExchange}), so the proxied request carries a {@code traceparent} of the
 * same trace with the gateway's client span as parent, replacing the one copied from the caller.
 * What the gateway adds here, through its header-filter hooks: the request id on the proxied
 * request, and the gateway's own {@code X-Request-Id} and {@code traceresponse} on the answer.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    @Bean
    public FilterRegistrationBean<RequestIdFilter> requestIdFilter(Tracer tracer, Propagator propagator) {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter(tracer, propagator));
        // Just inside Boot's observation filter (HIGHEST_PRECEDENCE + 1), so the trace is there, and before security.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** The proxied request carries the call's request id, whatever the caller sent as X-Request-Id. */
    @Bean
    public HttpHeadersFilter.RequestHttpHeadersFilter requestIdRequestHeader() {
        return (input, request) -> {
            HttpHeaders headers = new HttpHeaders();
            headers.putAll(input);
            String id = request.attribute(RequestIdFilter.ATTRIBUTE).map(String.class::cast)
                    .orElseGet(() -> RequestIds.acceptOrCreate(input.getFirst(RequestIds.HEADER)));
            headers.set(RequestIds.HEADER, id);
            return headers;
        };
    }

    /** The answer names the gateway's request id and span once: the service's echoes are dropped. */
    @Bean
    public HttpHeadersFilter.ResponseHttpHeadersFilter gatewayOwnsRequestIdAndTraceresponse() {
        return (input, response) -> {
            HttpHeaders headers = new HttpHeaders();
            headers.putAll(input);
            headers.remove(RequestIds.HEADER);
            headers.remove(RequestIdFilter.TRACERESPONSE);
            return headers;
        };
    }
}
