package cn.changning.governance.common.idempotency;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code governance.idempotency.requests{outcome}}: what became of each POST with an Idempotency-Key. The tag has
 * these values only: {@code executed} (ran, answer kept), {@code released} (ran, refused or failed: key given back),
 * {@code replayed}, {@code conflict} (in flight, 409), {@code mismatch} (another request, 422).
 */
public class IdempotencyMetrics {

    public static final String METER = "governance.idempotency.requests";

    enum Outcome { EXECUTED, RELEASED, REPLAYED, CONFLICT, MISMATCH }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    public IdempotencyMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder(METER).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .description("POST requests with an Idempotency-Key, by what became of them")
                    .register(registry));
        }
    }

    void count(Outcome outcome) {
        counters.get(outcome).increment();
    }
}
