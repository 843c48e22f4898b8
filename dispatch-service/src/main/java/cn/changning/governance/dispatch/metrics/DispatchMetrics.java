package cn.changning.governance.dispatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Business metrics of the dispatch service.
 * <ul>
 *   <li>{@code dispatch.orders} (gauge, tags {@code agency_type}, {@code state}) and {@code dispatch.orders.open},
 *   {@code dispatch.orders.open.overdue}, {@code dispatch.orders.open.escalated} (gauges, tags {@code agency} (the lead
 *   agency's id: about 120 stationed agencies, a bounded set) and {@code street}): counted from the shared read model
 *   (by the projection's {@code DispatchOrderCounts}, handed to {@link #updateGauges}), so every instance reports the
 *   same figure (aggregate with max, not sum);</li>
 *   <li>{@code dispatch.order.time.to.accept} and {@code dispatch.order.time.to.handle} (timers with histograms,
 *   tag {@code agency_type}; handle also {@code on_time}), {@code dispatch.orders.returned} (tags
 *   {@code agency_type}, {@code reason}) and {@code dispatch.orders.escalated}, {@code dispatch.orders.referred.to.arbitration} (tag {@code agency_type}) and
 *   {@code dispatch.orders.withdrawn} (tag {@code reason}), {@code dispatch.orders.reassigned} (tags
 *   {@code from_agency_type}, {@code to_agency_type}, {@code street}: the buck-passing pairs); returned and escalated
 *   also carry {@code street}: recorded by the projection as it
 *   applies each event for the first time, per instance (aggregate with sum).</li>
 * </ul>
 */
public class DispatchMetrics {

    /** How many orders of one lead agency type are in one state. */
    public record OrderCount(String agencyType, String state, long count) {
    }

    /** Open orders of one lead agency in one street: all of them, those past their deadline, those escalated. */
    public record OpenOrders(String agency, String street, long open, long overdue, long escalated) {
    }

    private final MeterRegistry registry;
    private final MultiGauge ordersByState;
    private final MultiGauge open;
    private final MultiGauge openOverdue;
    private final MultiGauge openEscalated;

    public DispatchMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.ordersByState = MultiGauge.builder("dispatch.orders")
                .description("Open and closed dispatch orders by state and the lead agency's type")
                .register(registry);
        this.open = MultiGauge.builder("dispatch.orders.open")
                .description("Open dispatch orders by lead agency and street")
                .register(registry);
        this.openOverdue = MultiGauge.builder("dispatch.orders.open.overdue")
                .description("Open dispatch orders past their deadline (not paused), by lead agency and street")
                .register(registry);
        this.openEscalated = MultiGauge.builder("dispatch.orders.open.escalated")
                .description("Open dispatch orders escalated to a higher centre, by lead agency and street")
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

    public void returned(String agencyType, String reason, String street) {
        Counter.builder("dispatch.orders.returned")
                .description("Dispatch orders returned by an agency")
                .tags("agency_type", tag(agencyType), "reason", reason, "street", tag(street))
                .register(registry)
                .increment();
    }

    public void escalated(String agencyType, String street) {
        Counter.builder("dispatch.orders.escalated")
                .description("Overdue dispatch orders escalated from the street to the district centre")
                .tags("agency_type", tag(agencyType), "street", tag(street))
                .register(registry)
                .increment();
    }

    /** A returned part given to another agency by the street: who passed it to whom, by agency type. */
    public void reassigned(String fromAgencyType, String toAgencyType, String street) {
        Counter.builder("dispatch.orders.reassigned")
                .description("Returned parts reassigned by the street, by the types of the agency that returned and the one that got it")
                .tags("from_agency_type", tag(fromAgencyType), "to_agency_type", tag(toAgencyType), "street", tag(street))
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
    public void updateGauges(List<OrderCount> byTypeAndState, List<OpenOrders> openByAgencyAndStreet) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (OrderCount c : byTypeAndState) {
            rows.add(MultiGauge.Row.of(Tags.of("agency_type", tag(c.agencyType()), "state", tag(c.state())), c.count()));
        }
        ordersByState.register(rows, true);
        List<MultiGauge.Row<?>> openRows = new ArrayList<>();
        List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
        List<MultiGauge.Row<?>> escalatedRows = new ArrayList<>();
        for (OpenOrders o : openByAgencyAndStreet) {
            Tags tags = Tags.of("agency", tag(o.agency()), "street", tag(o.street()));
            openRows.add(MultiGauge.Row.of(tags, o.open()));
            overdueRows.add(MultiGauge.Row.of(tags, o.overdue()));
            escalatedRows.add(MultiGauge.Row.of(tags, o.escalated()));
        }
        // overwrite: an agency and street whose orders are all closed drops out instead of showing its last count
        open.register(openRows, true);
        openOverdue.register(overdueRows, true);
        openEscalated.register(escalatedRows, true);
    }

    private static String tag(String value) {
        return value == null ? "UNKNOWN" : value;
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
