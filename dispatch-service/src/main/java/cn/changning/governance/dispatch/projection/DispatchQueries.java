package cn.changning.governance.dispatch.projection;

import cn.changning.governance.dispatch.projection.DispatchViews.AgencyPair;
import cn.changning.governance.dispatch.projection.DispatchViews.AgencyStats;
import cn.changning.governance.dispatch.projection.DispatchOrderDocument.ReturnField;
import cn.changning.governance.dispatch.projection.DispatchViews.OrderDetail;
import cn.changning.governance.dispatch.projection.DispatchViews.OrderSummary;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
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
 * ({@code agencyIds}, {@code streetCode}, {@code state}, {@code returnCount}, {@code queueEntries}); documents
 * read as views through {@link DispatchOrderDocument}. Every list is a {@link Page}; the street board reads
 * only its pre-aggregated {@link StreetCounts}.
 *
 * <p>Every read of orders takes the caller's {@link Visibility} and adds it to its own filter, so an order the caller
 * may not see is not found and a list's page and total count only what it may see.</p>
 */
public class DispatchQueries {

    private final MongoTemplate mongo;
    private final StreetCounts streetCounts;

    public DispatchQueries(MongoTemplate mongo) {
        this.mongo = mongo;
        this.streetCounts = new StreetCounts(mongo);
    }

    public Optional<OrderDetail> find(String orderId, Visibility visibility) {
        return Optional.ofNullable(orders().find(and(Filters.eq(ID, orderId), visibility.orders())).first())
                .map(DispatchOrderDocument::detail);
    }

    /** Whether the order is in the read model and the caller may see it (reads its id only). */
    public boolean sees(String orderId, Visibility visibility) {
        return orders().find(and(Filters.eq(ID, orderId), visibility.orders())).projection(new Document(ID, 1)).first() != null;
    }

    /** The order list's filters; each null one does not narrow. */
    public record OrderFilter(String agencyId, String streetCode, OrderState state, Boolean overdue,
                              Boolean pendingExtension, Boolean escalated) {

        public static OrderFilter none() {
            return new OrderFilter(null, null, null, null, null, null);
        }
    }

    public Page<OrderSummary> list(OrderFilter f, Visibility visibility, PageQuery page) {
        List<Bson> filters = new ArrayList<>();
        if (visibility.orders() != null) {
            filters.add(visibility.orders());
        }
        if (f.agencyId() != null) {
            filters.add(Filters.eq(AGENCY_IDS, f.agencyId()));
        }
        if (f.streetCode() != null) {
            filters.add(Filters.eq(STREET_CODE, f.streetCode()));
        }
        if (f.state() != null) {
            filters.add(Filters.eq(STATE, f.state().name()));
        }
        if (f.overdue() != null) {
            // A paused order is not overdue while its case is on hold (as its summary shows).
            filters.add(f.overdue() ? Filters.and(Filters.eq(OVERDUE, true), Filters.ne(PAUSED, true), openOnly())
                    : Filters.or(Filters.ne(OVERDUE, true), Filters.eq(PAUSED, true), closedOnly()));
        }
        if (f.pendingExtension() != null) {
            filters.add(f.pendingExtension() ? Filters.and(Filters.ne(PENDING_EXTENSION, null), openOnly())
                    : Filters.or(Filters.eq(PENDING_EXTENSION, null), closedOnly()));
        }
        if (f.escalated() != null) {
            filters.add(f.escalated() ? Filters.and(Filters.eq(ESCALATED, true), openOnly())
                    : Filters.or(Filters.ne(ESCALATED, true), closedOnly()));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        long total = orders().countDocuments(filter);
        List<OrderSummary> items = new ArrayList<>();
        for (Document d : orders().find(filter).sort(Sorts.orderBy(Sorts.descending(ISSUED_AT), Sorts.ascending(ID)))
                .skip((int) page.offset()).limit(page.size())) {
            items.add(DispatchOrderDocument.summary(d));
        }
        return new Page<>(items, page.page(), page.size(), total);
    }

    /**
     * One page of an agency's work queue, earliest deadline first: the open orders it has a part in, in one bucket
     * or (bucket null) in all five, each item naming its bucket. Read from {@link DispatchOrderDocument#QUEUE_ENTRIES},
     * of the orders the caller sees (a street centre sees a district unit's queue of its own street only).
     */
    public Page<QueueItem> queue(String agencyId, QueueBucket bucket, Visibility visibility, PageQuery page) {
        List<String> entries = (bucket == null ? List.of(QueueBucket.values()) : List.of(bucket)).stream()
                .map(b -> DispatchOrderDocument.queueEntry(agencyId, b)).toList();
        Bson filter = and(Filters.in(QUEUE_ENTRIES, entries), visibility.orders());
        long total = orders().countDocuments(filter);
        List<QueueItem> items = new ArrayList<>();
        for (Document d : orders().find(filter).sort(Sorts.orderBy(Sorts.ascending(DEADLINE), Sorts.ascending(ID)))
                .skip((int) page.offset()).limit(page.size())) {
            OrderSummary o = DispatchOrderDocument.summary(d);
            Part part = o.parts().stream().filter(p -> p.agencyId().equals(agencyId)).findFirst().orElseThrow();
            items.add(new QueueItem(o.orderId(), o.caseId(), o.itemCode(), DispatchOrderDocument.queueBucket(d, agencyId),
                    part.role(), part.state(), o.state(), o.deadline(), o.dueSoon(), o.overdue()));
        }
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The agency's figures over the orders the caller sees (a street centre: those of its street). */
    public AgencyStats stats(String agencyId, Visibility visibility) {
        long[] sums = new long[8];
        List<String> fields = AgencyOrderFactDocument.COUNTS;
        for (Document fact : facts().find(and(Filters.eq(AgencyOrderFactDocument.AGENCY_ID, agencyId), visibility.facts()))) {
            for (int i = 0; i < fields.size(); i++) {
                Number n = fact.get(fields.get(i), Number.class);
                sums[i] += n == null ? 0 : n.longValue();
            }
        }
        return new AgencyStats(agencyId, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7]);
    }

    /** The street's board, from its pre-aggregated {@link StreetCounts}: no order is read. */
    public StreetBoard board(String streetCode) {
        Map<String, Long> totals = streetCounts.totals(streetCode);
        Map<OrderState, Long> byState = new EnumMap<>(OrderState.class);
        for (OrderState s : OrderState.values()) {
            byState.put(s, totals.getOrDefault(s.name(), 0L));
        }
        return new StreetBoard(streetCode, byState, totals.getOrDefault(StreetCounts.DUE_SOON, 0L),
                totals.getOrDefault(StreetCounts.OVERDUE, 0L), totals.getOrDefault(StreetCounts.ESCALATED, 0L),
                byState.get(OrderState.AWAITING_ARBITRATION), totals.getOrDefault(StreetCounts.PENDING_EXTENSIONS, 0L),
                StreetBoard.listsOf(streetCode));
    }

    /**
     * Orders returned more than once, grouped by the pair of agencies the returns passed between: a return by A
     * reassigned to B counts for the pair {A, B}; a return upheld by the street counts for {A, A}; a return still
     * awaiting arbitration counts for no pair yet. Only the orders the caller sees are counted.
     */
    public List<AgencyPair> buckPassing(String streetCode, Visibility visibility) {
        Bson filter = and(Filters.gt(RETURN_COUNT, 1), visibility.orders());
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

    /** Both filters; {@code visible} may be null (everything is visible). */
    private static Bson and(Bson filter, Bson visible) {
        return visible == null ? filter : Filters.and(filter, visible);
    }

    private static Bson closedOnly() {
        return Filters.in(STATE, closedStates());
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
