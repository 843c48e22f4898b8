package cn.changning.governance.common.tracing;

import brave.sampler.Sampler;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextsTest {

    @Test
    void theCurrentSpanIsWrittenAsTraceparentSampledOrNot() {
        for (Sampler sampler : new Sampler[]{Sampler.ALWAYS_SAMPLE, Sampler.NEVER_SAMPLE}) {
            try (BraveTracing brave = new BraveTracing(sampler)) {
                TraceContexts contexts = brave.traceContexts();
                assertThat(contexts.currentTraceparent()).as("no span, no traceparent").isNull();

                Span span = brave.tracer.nextSpan().name("request").start();
                try (Tracer.SpanInScope ignored = brave.tracer.withSpan(span)) {
                    String flags = sampler == Sampler.ALWAYS_SAMPLE ? "01" : "00";
                    assertThat(contexts.currentTraceparent())
                            .isEqualTo("00-" + span.context().traceId() + "-" + span.context().spanId() + "-" + flags);
                    assertThat(TraceContexts.isValidTraceparent(contexts.currentTraceparent())).isTrue();
                } finally {
                    span.end();
                }
                assertThat(contexts.currentTraceparent()).isNull();
            }
        }
    }

    @Test
    void theNoopTracerGivesNone() {
        assertThat(new TraceContexts(Tracer.NOOP, io.micrometer.tracing.propagation.Propagator.NOOP).currentTraceparent()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"})
    void validTraceparents(String value) {
        assertThat(TraceContexts.isValidTraceparent(value)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // zero trace id
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // zero span id
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // upper case
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // unknown version
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",  // short trace id
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x",
            "garbage"})
    void invalidTraceparents(String value) {
        assertThat(TraceContexts.isValidTraceparent(value)).isFalse();
    }
}
