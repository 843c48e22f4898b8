package cn.changning.governance.dispatch.projection;

import cn.changning.governance.dispatch.metrics.DispatchMetrics.OpenOrders;
import cn.changning.governance.dispatch.metrics.DispatchMetrics.OrderCount;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * The counts behind the dispatch gauges, read from the shared order read model (so every instance
 * reports the same figures).
 */
public class DispatchOrderCounts {

    private final MongoTemplate mongo;

    public DispatchOrderCounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Orders by the lead agency's type and the order's state. */
    public List<OrderCount> byLeadAgencyTypeAndState() {
        List<OrderCount> counts = new ArrayList<>();
        for (Document group : mongo.getCollection(DispatchOrderDocument.COLLECTION).aggregate(List.of(
                new Document("$group", new Document("_id", new Document("type", "$" + DispatchOrderDocument.LEAD_AGENCY_TYPE).append("state", "$" + DispatchOrderDocument.STATE))
                        .append("n", new Document("$sum", 1)))))) {
            Document key = group.get("_id", Document.class);
            counts.add(new OrderCount(key.getString("type"), key.getString("state"), group.get("n", Number.class).longValue()));
        }
        return counts;
    }

    /** Open orders past their deadline (not those paused while their case is on hold). */
    public long openOverdue() {
        long count = 0;
        for (Document d : mongo.getCollection(DispatchOrderDocument.COLLECTION).find(new Document(DispatchOrderDocument.OVERDUE, true))) {
            if (OrderState.valueOf(d.getString(DispatchOrderDocument.STATE)).isOpen() && !DispatchOrderDocument.isTrue(d, DispatchOrderDocument.PAUSED)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Open orders by lead agency and street, with how many of them are overdue (not paused, as {@link #openOverdue})
     * and escalated. Read with a projection of six fields: the open orders are the working set, not the archive.
     */
    public List<OpenOrders> openByLeadAgencyAndStreet() {
        List<String> closed = OrderState.CLOSED.stream().map(Enum::name).toList();
        record AgencyStreet(String agency, String street) {
        }
        Map<AgencyStreet, long[]> counts = new LinkedHashMap<>();
        for (Document d : mongo.getCollection(DispatchOrderDocument.COLLECTION)
                .find(new Document(DispatchOrderDocument.STATE, new Document("$nin", closed)))
                .projection(new Document(DispatchOrderDocument.LEAD_AGENCY_ID, 1).append(DispatchOrderDocument.STREET_CODE, 1)
                        .append(DispatchOrderDocument.OVERDUE, 1).append(DispatchOrderDocument.ESCALATED, 1)
                        .append(DispatchOrderDocument.PAUSED, 1))) {
            long[] c = counts.computeIfAbsent(new AgencyStreet(d.getString(DispatchOrderDocument.LEAD_AGENCY_ID),
                    d.getString(DispatchOrderDocument.STREET_CODE)), k -> new long[3]);
            c[0]++;
            if (DispatchOrderDocument.isTrue(d, DispatchOrderDocument.OVERDUE) && !DispatchOrderDocument.isTrue(d, DispatchOrderDocument.PAUSED)) {
                c[1]++;
            }
            if (DispatchOrderDocument.isTrue(d, DispatchOrderDocument.ESCALATED)) {
                c[2]++;
            }
        }
        List<OpenOrders> open = new ArrayList<>();
        counts.forEach((key, c) -> open.add(new OpenOrders(key.agency(), key.street(), c[0], c[1], c[2])));
        return open;
    }
}
