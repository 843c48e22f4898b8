package cn.changning.governance.dispatch.metrics;

import cn.changning.governance.dispatch.projection.DispatchOrderProjection;
import cn.changning.governance.dispatch.projection.OrderState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Business metrics of the dispatch service.
 * <ul>
 *   <li>{@code dispatch.orders} (gauge, tags {@code agency_type}, {@code state}) and {@code dispatch.orders.overdue}
 *   (gauge): counted from the shared read model, so every instance reports the same figure (aggregate with max,
 *   not sum);</li>
 *   <li>{@code dispatch.order.time.to.accept} and {@code dispatch.order.time.to.handle} (timers with histograms,
 *   tag {@code agency_type}; handle also {@code on_time}), {@code dispatch.orders.returned} (tags
 *   {@code agency_type}, {@code reason}) and {@code dispatch.orders.escalated}: recorded by the projection as it
 *   applies each event for the first time, per instance (aggregate with sum).</li>
 * </ul>
 */
public class DispatchMetrics {

    private final MeterRegistry registry;
    private final MongoTemplate mongo;
    private final MultiGauge ordersByState;
    private final AtomicLong overdue = new AtomicLong();

    public DispatchMetrics(MeterRegistry registry, MongoTemplate mongo) {
        this.registry = registry;
        this.mongo = mongo;
        this.ordersByState = MultiGauge.builder("dispatch.orders")
                .description("Open and closed dispatch orders by state and the lead agency's type")
                .register(registry);
        Gauge.builder("dispatch.orders.overdue", overdue, AtomicLong::get)
                .description("Dispatch orders past their deadline and not handled")
                .register(registry);
    }

    public void accepted(String agencyType, Duration sinceIssued) {
        Timer.builder("dispatch.order.time.to.accept")
                .description("From issue to the lead agency's acceptance")
                .tag("agency_type", tag(agencyType))
                .publishPercentileHistogram()
                .register(registry)
                .record(nonNegative(sinceIssued));
    }

    public void handled(String agencyType, boolean onTime, Duration sinceIssued) {
        Timer.builder("dispatch.order.time.to.handle")
                .description("From issue to the order being handled")
                .tags("agency_type", tag(agencyType), "on_time", Boolean.toString(onTime))
                .publishPercentileHistogram()
                .register(registry)
                .record(nonNegative(sinceIssued));
    }

    public void returned(String agencyType, String reason) {
        Counter.builder("dispatch.orders.returned")
                .description("Dispatch orders returned by an agency")
                .tags("agency_type", tag(agencyType), "reason", reason)
                .register(registry)
                .increment();
    }

    public void escalated(String agencyType) {
        Counter.builder("dispatch.orders.escalated")
                .description("Overdue dispatch orders escalated from the street to the district centre")
                .tag("agency_type", tag(agencyType))
                .register(registry)
                .increment();
    }

    /** Recounts the gauges from the read model; called on a schedule. */
    public void refreshGauges() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Document group : mongo.getCollection(DispatchOrderProjection.ORDERS).aggregate(List.of(
                new Document("$group", new Document("_id", new Document("type", "$leadAgencyType").append("state", "$state"))
                        .append("n", new Document("$sum", 1)))))) {
            Document key = group.get("_id", Document.class);
            long n = group.get("n", Number.class).longValue();
            rows.add(MultiGauge.Row.of(Tags.of("agency_type", tag(key.getString("type")), "state", tag(key.getString("state"))), n));
        }
        ordersByState.register(rows, true);
        long count = 0;
        for (Document d : mongo.getCollection(DispatchOrderProjection.ORDERS).find(new Document("overdue", true))) {
            if (OrderState.valueOf(d.getString("state")).isOpen()) {
                count++;
            }
        }
        overdue.set(count);
    }

    private static String tag(String value) {
        return value == null ? "UNKNOWN" : value;
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
