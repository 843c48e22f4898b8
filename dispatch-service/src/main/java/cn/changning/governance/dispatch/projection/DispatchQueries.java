package cn.changning.governance.dispatch.projection;

import cn.changning.governance.dispatch.projection.DispatchViews.AgencyPair;
import cn.changning.governance.dispatch.projection.DispatchViews.AgencyQueue;
import cn.changning.governance.dispatch.projection.DispatchViews.AgencyStats;
import cn.changning.governance.dispatch.projection.DispatchOrderDocument.ReturnField;
import cn.changning.governance.dispatch.projection.DispatchViews.OrderDetail;
import cn.changning.governance.dispatch.projection.DispatchViews.OrderSummary;
import cn.changning.governance.dispatch.projection.DispatchViews.Page;
import cn.changning.governance.dispatch.projection.DispatchViews.Part;
import cn.changning.governance.dispatch.projection.DispatchViews.QueueItem;
import cn.changning.governance.dispatch.projection.DispatchViews.StreetBoard;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static cn.changning.governance.dispatch.projection.DispatchOrderDocument.*;

/**
 * Reads of the dispatch read models. Filters use fields the wire server scans and real MongoDB indexes
 * ({@code agencyIds}, {@code streetCode}, {@code state}, {@code returnCount}); documents read as views
 * through {@link DispatchOrderDocument}.
 */
public class DispatchQueries {

    private final MongoTemplate mongo;

    public DispatchQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<OrderDetail> find(String orderId) {
        return Optional.ofNullable(orders().find(Filters.eq(ID, orderId)).first()).map(DispatchOrderDocument::detail);
    }

    public Page<OrderSummary> list(String agencyId, String streetCode, OrderState state, Boolean overdue, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (agencyId != null) {
            filters.add(Filters.eq(AGENCY_IDS, agencyId));
        }
        if (streetCode != null) {
            filters.add(Filters.eq(STREET_CODE, streetCode));
        }
        if (state != null) {
            filters.add(Filters.eq(STATE, state.name()));
        }
        if (overdue != null) {
            // A paused order is not overdue while its case is on hold (as its summary shows).
            filters.add(overdue ? Filters.and(Filters.eq(OVERDUE, true), Filters.ne(PAUSED, true), openOnly())
                    : Filters.or(Filters.ne(OVERDUE, true), Filters.eq(PAUSED, true), Filters.in(STATE, closedStates())));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        long total = orders().countDocuments(filter);
        List<OrderSummary> items = new ArrayList<>();
        for (Document d : orders().find(filter).sort(Sorts.orderBy(Sorts.descending(ISSUED_AT), Sorts.ascending(ID)))
                .skip(page * size).limit(size)) {
            items.add(DispatchOrderDocument.summary(d));
        }
        return new Page<>(items, page, size, total);
    }

    public AgencyQueue queue(String agencyId) {
        List<QueueItem> awaiting = new ArrayList<>();
        List<QueueItem> inProgress = new ArrayList<>();
        List<QueueItem> dueSoon = new ArrayList<>();
        List<QueueItem> overdue = new ArrayList<>();
        List<QueueItem> arbitration = new ArrayList<>();
        for (Document d : orders().find(Filters.and(Filters.eq(AGENCY_IDS, agencyId), openOnly())).sort(Sorts.ascending(DEADLINE))) {
            OrderSummary o = DispatchOrderDocument.summary(d);
            Part part = o.parts().stream().filter(p -> p.agencyId().equals(agencyId)).findFirst().orElseThrow();
            QueueItem item = new QueueItem(o.orderId(), o.caseId(), o.itemCode(), part.role(), part.state(), o.state(),
                    o.deadline(), o.dueSoon(), o.overdue());
            switch (part.state()) {
                case "AWAITING_ACCEPTANCE" -> awaiting.add(item);
                case "RETURNED" -> arbitration.add(item);
                default -> {
                    if (o.overdue()) {
                        overdue.add(item);
                    } else if (o.dueSoon()) {
                        dueSoon.add(item);
                    } else {
                        inProgress.add(item);
                    }
                }
            }
        }
        return new AgencyQueue(agencyId, awaiting, inProgress, dueSoon, overdue, arbitration);
    }

    public AgencyStats stats(String agencyId) {
        long[] sums = new long[8];
        List<String> fields = AgencyOrderFactDocument.COUNTS;
        for (Document fact : facts().find(Filters.eq(AgencyOrderFactDocument.AGENCY_ID, agencyId))) {
            for (int i = 0; i < fields.size(); i++) {
                Number n = fact.get(fields.get(i), Number.class);
                sums[i] += n == null ? 0 : n.longValue();
            }
        }
        return new AgencyStats(agencyId, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7]);
    }

    public StreetBoard board(String streetCode) {
        Map<OrderState, Long> byState = new EnumMap<>(OrderState.class);
        for (OrderState s : OrderState.values()) {
            byState.put(s, 0L);
        }
        long dueSoon = 0;
        long overdue = 0;
        long escalated = 0;
        List<OrderSummary> arbitration = new ArrayList<>();
        List<OrderSummary> extensions = new ArrayList<>();
        List<OrderSummary> overdueOrders = new ArrayList<>();
        for (Document d : orders().find(Filters.eq(STREET_CODE, streetCode))) {
            OrderSummary o = DispatchOrderDocument.summary(d);
            byState.merge(o.state(), 1L, Long::sum);
            if (!o.state().isOpen()) {
                continue;
            }
            if (o.dueSoon() && !o.overdue()) {
                dueSoon++;
            }
            if (o.overdue()) {
                overdue++;
                overdueOrders.add(o);
            }
            if (isTrue(d, ESCALATED)) {
                escalated++;
            }
            if (o.state() == OrderState.AWAITING_ARBITRATION) {
                arbitration.add(o);
            }
            if (d.get(PENDING_EXTENSION) != null) {
                extensions.add(o);
            }
        }
        return new StreetBoard(streetCode, byState, dueSoon, overdue, escalated, arbitration, extensions, overdueOrders);
    }

    /**
     * Orders returned more than once, grouped by the pair of agencies the returns passed between: a return by A
     * reassigned to B counts for the pair {A, B}; a return upheld by the street counts for {A, A}; a return still
     * awaiting arbitration counts for no pair yet.
     */
    public List<AgencyPair> buckPassing(String streetCode) {
        Bson filter = Filters.gt(RETURN_COUNT, 1);
        if (streetCode != null) {
            filter = Filters.and(filter, Filters.eq(STREET_CODE, streetCode));
        }
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, List<String>> orderIds = new LinkedHashMap<>();
        for (Document d : orders().find(filter)) {
            Map<String, Long> returnsByPair = new TreeMap<>();
            for (Document r : d.getList(RETURNS, Document.class, List.of())) {
                if (r.getString(ReturnField.PASSED_TO) == null) {
                    continue; // awaiting the street's arbitration: not passed to anyone yet
                }
                String from = r.getString(ReturnField.AGENCY_ID);
                String to = r.getString(ReturnField.PASSED_TO);
                String pair = from.compareTo(to) <= 0 ? from + "|" + to : to + "|" + from;
                returnsByPair.merge(pair, 1L, Long::sum);
            }
            returnsByPair.forEach((pair, n) -> {
                long[] c = counts.computeIfAbsent(pair, k -> new long[2]);
                c[0]++;
                c[1] += n;
                orderIds.computeIfAbsent(pair, k -> new ArrayList<>()).add(d.getString(ID));
            });
        }
        List<AgencyPair> pairs = new ArrayList<>();
        counts.forEach((pair, c) -> {
            String[] ab = pair.split("\\|");
            pairs.add(new AgencyPair(ab[0], ab[1], c[0], c[1], orderIds.get(pair)));
        });
        pairs.sort((x, y) -> Long.compare(y.returns(), x.returns()));
        return pairs;
    }

    private static Bson openOnly() {
        return Filters.nin(STATE, closedStates());
    }

    private static List<String> closedStates() {
        return OrderState.CLOSED.stream().map(OrderState::name).toList();
    }

    private MongoCollection<Document> orders() {
        return mongo.getCollection(DispatchOrderDocument.COLLECTION);
    }

    private MongoCollection<Document> facts() {
        return mongo.getCollection(AgencyOrderFactDocument.COLLECTION);
    }
}
