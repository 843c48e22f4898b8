package cn.changning.governance.dispatch.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pre-aggregated counts behind a street's dispatch board, kept by {@link DispatchOrderProjection} in the
 * same batch as the orders: one document per street and source partition of the dispatch topic,
 * {@code {_id: "<street>|<topic>/<partition>", streetCode, offset: <last record counted>, counts: {"<counter>": n}}}.
 * The board sums a street's few documents (one per partition at most), however many orders the street ever had.
 *
 * <p>Guarded as {@code CaseCounts} in the case service is: a document's counts and the offset of the last record
 * they include change together, in one update that expects the offset read before the batch, and they are written
 * before the order documents. A batch redelivered after a crash counts nothing twice (records at or below the
 * stored offset are not counted again) while the orders, idempotent by version, catch up; should another consumer
 * have moved the offset meanwhile, the update matches nothing and the batch is retried.</p>
 */
public final class StreetCounts {

    // The counts document's field names: this class owns them.
    public static final String COLLECTION = "dispatch_street_counts";
    /** {@code "<street>|<topic>/<partition>"}, see {@link #id}. */
    public static final String ID = "_id";
    public static final String STREET_CODE = "streetCode";
    /** The partition counted, {@code "<topic>/<partition>"}: a batch reads its partitions' documents in one query. */
    public static final String SOURCE = "source";
    /** The offset of the last record of the partition counted for this street. */
    public static final String OFFSET = "offset";
    /** The counts by counter: each {@link OrderState} by name, and the {@code COUNTER_...} names below. */
    public static final String COUNTS = "counts";

    /** Open orders due soon and not yet overdue. */
    public static final String DUE_SOON = "dueSoon";
    /** Open orders past their deadline. */
    public static final String OVERDUE = "overdue";
    /** Open orders escalated to the district centre. */
    public static final String ESCALATED = "escalated";
    /** Open orders with an extension request awaiting the street's decision. */
    public static final String PENDING_EXTENSIONS = "pendingExtensions";

    static final long NOTHING_COUNTED = -1;

    private final MongoTemplate mongo;

    StreetCounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void createIndexes() {
        collection().createIndex(Indexes.ascending(STREET_CODE));
    }

    static String id(String streetCode, String source) {
        return streetCode + "|" + source;
    }

    /**
     * The counters an order document adds one to: its state, and, while it is open, each of due soon (not yet
     * overdue), overdue, escalated and pending extension that holds. Empty before the order has a street.
     */
    static List<String> countersOf(Document order) {
        if (order == null || order.getString(DispatchOrderDocument.STATE) == null
                || order.getString(DispatchOrderDocument.STREET_CODE) == null) {
            return List.of();
        }
        OrderState state = OrderState.valueOf(order.getString(DispatchOrderDocument.STATE));
        List<String> counters = new ArrayList<>();
        counters.add(state.name());
        if (state.isOpen()) {
            // A paused order (its case on hold) is neither overdue nor due soon until its clock runs again.
            boolean paused = DispatchOrderDocument.isTrue(order, DispatchOrderDocument.PAUSED);
            boolean overdue = !paused && DispatchOrderDocument.isTrue(order, DispatchOrderDocument.OVERDUE);
            if (overdue) {
                counters.add(OVERDUE);
            } else if (!paused && DispatchOrderDocument.isTrue(order, DispatchOrderDocument.DUE_SOON)) {
                counters.add(DUE_SOON);
            }
            if (DispatchOrderDocument.isTrue(order, DispatchOrderDocument.ESCALATED)) {
                counters.add(ESCALATED);
            }
            if (order.get(DispatchOrderDocument.PENDING_EXTENSION) != null) {
                counters.add(PENDING_EXTENSIONS);
            }
        }
        return counters;
    }

    /** The offset up to which each street's document of these partitions is counted, by {@link #id}; absent: nothing. */
    Map<String, Long> countedUpTo(Collection<String> sources) {
        Map<String, Long> offsets = new HashMap<>();
        for (Document d : collection().find(Filters.in(SOURCE, List.copyOf(sources)))) {
            offsets.put(d.getString(ID), d.get(OFFSET, Number.class).longValue());
        }
        return offsets;
    }

    /**
     * Adds a batch's moves to a street's counts of a partition and moves the offset on, if the offset is still
     * {@code expectedOffset}.
     *
     * @throws ConcurrentCountException when another consumer counted this partition meanwhile
     */
    void add(String streetCode, String source, long expectedOffset, long newOffset, Map<String, Long> moves) {
        String id = id(streetCode, source);
        if (expectedOffset == NOTHING_COUNTED) {
            Document counts = new Document();
            moves.forEach(counts::append);
            try {
                collection().insertOne(new Document(ID, id).append(STREET_CODE, streetCode)
                        .append(SOURCE, source).append(OFFSET, newOffset).append(COUNTS, counts));
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                throw new ConcurrentCountException(id);
            }
        }
        List<Bson> updates = new ArrayList<>();
        moves.forEach((counter, n) -> {
            if (n != 0) {
                updates.add(Updates.inc(COUNTS + "." + counter, n));
            }
        });
        updates.add(Updates.set(OFFSET, newOffset));
        long matched = collection().updateOne(Filters.and(Filters.eq(ID, id), Filters.eq(OFFSET, expectedOffset)),
                Updates.combine(updates)).getMatchedCount();
        if (matched == 0) {
            throw new ConcurrentCountException(id);
        }
    }

    /** A street's counts, summed over its partitions' documents. */
    Map<String, Long> totals(String streetCode) {
        Map<String, Long> totals = new HashMap<>();
        for (Document d : collection().find(Filters.eq(STREET_CODE, streetCode))) {
            Document counts = d.get(COUNTS, Document.class);
            if (counts != null) {
                counts.forEach((counter, n) -> totals.merge(counter, ((Number) n).longValue(), Long::sum));
            }
        }
        return totals;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /** Another consumer counted the partition since this one read its offset: retry the batch. */
    static final class ConcurrentCountException extends IllegalStateException {
        ConcurrentCountException(String id) {
            super("the street counts " + id + " were moved on by another consumer; the batch is retried");
        }
    }
}
