package cn.changning.governance.dispatch.projection;

import cn.changning.governance.dispatch.metrics.DispatchMetrics.OrderCount;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;

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
}
