package cn.changning.governance.common.tracing;

import brave.Tracing;
import brave.context.slf4j.MDCScopeDecorator;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.sampler.Sampler;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.micrometer.tracing.propagation.Propagator;

/** A real Brave tracer as Boot wires it (W3C propagation, 128-bit trace ids, ids in the MDC), without a Spring context. */
final class BraveTracing implements AutoCloseable {

    final Tracing tracing;
    final Tracer tracer;
    final Propagator propagator;

    BraveTracing(Sampler sampler) {
        BraveBaggageManager baggage = new BraveBaggageManager();
        tracing = Tracing.newBuilder()
                .currentTraceContext(ThreadLocalCurrentTraceContext.newBuilder()
                        .addScopeDecorator(MDCScopeDecorator.get()) // traceId and spanId in the MDC
                        .build())
                .traceId128Bit(true)
                .propagationFactory(new W3CPropagation(baggage, java.util.List.of()))
                .sampler(sampler)
                .build();
        tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext()), baggage);
        propagator = new BravePropagator(tracing);
    }

    TraceContexts traceContexts() {
        return new TraceContexts(tracer, propagator);
    }

    @Override
    public void close() {
        tracing.close();
    }
}
