package cn.changning.governance.dispatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Business metrics of the dispatch service.
 * <ul>
 *   <li>{@code dispatch.orders} (gauge, tags {@code agency_type}, {@code state}) and {@code dispatch.orders.overdue}
 *   (gauge): counted from the shared read model (by the projection's {@code DispatchOrderCounts}, handed to
 *   {@link #updateGauges}), so every instance reports the same figure (aggregate with max, not sum);</li>
 *   <li>{@code dispatch.order.time.to.accept} and {@code dispatch.order.time.to.handle} (timers with histograms,
 *   tag {@code agency_type}; handle also {@code on_time}), {@code dispatch.orders.returned} (tags
 *   {@code agency_type}, {@code reason}) and {@code dispatch.orders.escalated}, {@code dispatch.orders.referred.to.arbitration} (tag {@code agency_type}) and
 *   {@code dispatch.orders.withdrawn} (tag {@code reason}): recorded by the projection as it
 *   applies each event for the first time, per instance (aggregate with sum).</li>
 * </ul>
 */
public class DispatchMetrics {

    /** How many orders of one lead agency type are in one state. */
    public record OrderCount(String agencyType, String state, long count) {
    }

    private final MeterRegistry registry;
    private final MultiGauge ordersByState;
    private final AtomicLong overdue = new AtomicLong();

    public DispatchMetrics(MeterRegistry registry) {
        this.registry = registry;
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

    public void referredToArbitration(String agencyType) {
        Counter.builder("dispatch.orders.referred.to.arbitration")
                .description("Returns that went to the street's binding arbitration on their own (too many returns in a round)")
                .tag("agency_type", tag(agencyType))
                .register(registry)
                .increment();
    }

    public void withdrawn(String reason) {
        Counter.builder("dispatch.orders.withdrawn")
                .description("Dispatch orders withdrawn because their case was rejected or linked as a duplicate")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** Sets the gauges to counts from the read model; called on a schedule. */
    public void updateGauges(List<OrderCount> byTypeAndState, long openOverdue) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (OrderCount c : byTypeAndState) {
            rows.add(MultiGauge.Row.of(Tags.of("agency_type", tag(c.agencyType()), "state", tag(c.state())), c.count()));
        }
        ordersByState.register(rows, true);
        overdue.set(openOverdue);
    }

    private static String tag(String value) {
        return value == null ? "UNKNOWN" : value;
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
