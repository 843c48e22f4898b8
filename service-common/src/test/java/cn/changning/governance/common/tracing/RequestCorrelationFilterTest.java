package cn.changning.governance.common.tracing;

import brave.sampler.Sampler;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter on servlet request and response objects, inside a span of a real (unsampled) Brave tracer. */
class RequestCorrelationFilterTest {

    final BraveTracing brave = new BraveTracing(Sampler.NEVER_SAMPLE);
    final RequestCorrelationFilter filter = new RequestCorrelationFilter(brave.traceContexts());
    final Map<String, String> mdcInChain = new HashMap<>();
    final FilterChain chain = (request, response) -> mdcInChain.putAll(MDC.getCopyOfContextMap());

    @AfterEach
    void close() {
        brave.close();
        MDC.clear();
    }

    @Test
    void aSaneRequestIdIsTakenPutInTheMdcAndEchoed() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/cases");
        request.addHeader("X-Request-Id", "partner-42");
        MockHttpServletResponse response = new MockHttpServletResponse();

        Span server = brave.tracer.nextSpan().name("http post").start();
        try (Tracer.SpanInScope ignored = brave.tracer.withSpan(server)) {
            filter.doFilter(request, response, chain);
        } finally {
            server.end();
        }

        assertThat(response.getHeader("X-Request-Id")).isEqualTo("partner-42");
        assertThat(mdcInChain).containsEntry("requestId", "partner-42")
                .as("Brave's MDC fields, unsampled as they are").containsEntry("traceId", server.context().traceId())
                .containsEntry("spanId", server.context().spanId());
        assertThat(response.getHeader("traceresponse"))
                .isEqualTo("00-" + server.context().traceId() + "-" + server.context().spanId() + "-00");
        assertThat(MDC.get("requestId")).as("removed after the request").isNull();
    }

    @Test
    void anInsaneOrMissingRequestIdIsReplaced() throws Exception {
        for (String offered : new String[]{"x".repeat(101), "bad id;", null}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/cases");
            if (offered != null) {
                request.addHeader("X-Request-Id", offered);
            }
            MockHttpServletResponse response = new MockHttpServletResponse();
            mdcInChain.clear();

            filter.doFilter(request, response, chain);

            String id = response.getHeader("X-Request-Id");
            assertThat(id).isNotEqualTo(offered);
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
            assertThat(mdcInChain).containsEntry("requestId", id);
            assertThat(response.getHeader("traceresponse")).as("no span was current").isNull();
        }
    }
}
