package cn.changning.governance.benchmarks.instances;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one instance did between two scrapes of its own {@code /actuator/prometheus}: the difference of its counters.
 *
 * @param httpCalls          HTTP requests it served, its actuator's own excluded ({@code http_server_requests_seconds_count})
 * @param published          events its store-to-Kafka publisher handled (Axon's success counter of the
 *                           {@code kafka-publisher} tracking processor)
 * @param recordsByConsumer  Kafka records its consumers handled, per consumer ({@code governance_consumer_events_total}
 *                           by its {@code consumer} tag); consumers that handled none are left out
 */
public record InstanceWork(double httpCalls, double published, Map<String, Double> recordsByConsumer) {

    static final String HTTP_CALLS = "http_server_requests_seconds_count";
    static final String PROCESSOR_SUCCESSES = "eventProcessor_successCounter_total";
    static final String PUBLISHER = "kafka-publisher";
    static final String CONSUMER_EVENTS = "governance_consumer_events_total";

    public InstanceWork {
        recordsByConsumer = Collections.unmodifiableMap(new TreeMap<>(recordsByConsumer));
    }

    public static InstanceWork between(InstanceMetrics before, InstanceMetrics after) {
        return new InstanceWork(httpCalls(after) - httpCalls(before), published(after) - published(before),
                delta(before.sumBy(CONSUMER_EVENTS, "consumer"), after.sumBy(CONSUMER_EVENTS, "consumer")));
    }

    /** Records handled by every consumer together. */
    public double records() {
        return recordsByConsumer.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Records handled by one consumer (0 when it handled none). */
    public double records(String consumer) {
        return recordsByConsumer.getOrDefault(consumer, 0.0);
    }

    static double published(InstanceMetrics metrics) {
        return metrics.sum(PROCESSOR_SUCCESSES, l -> PUBLISHER.equals(l.get("processorName")));
    }

    static double httpCalls(InstanceMetrics metrics) {
        return metrics.sum(HTTP_CALLS, l -> !l.getOrDefault("uri", "").startsWith("/actuator"));
    }

    /** after − before per key, sorted, only the keys that grew. */
    static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> d = new TreeMap<>();
        after.forEach((k, v) -> {
            double n = v - before.getOrDefault(k, 0.0);
            if (n > 0) {
                d.put(k, n);
            }
        });
        return d;
    }
}
