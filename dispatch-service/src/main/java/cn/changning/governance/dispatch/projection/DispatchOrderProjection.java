package cn.changning.governance.dispatch.projection;

import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.PoisonEventException;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.dispatch.metrics.DispatchMetrics;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The dispatch topic into three read models, {@link DispatchOrderDocument} (one document per order,
 * serving the order list, the agencies' queues and the buck-passing query), {@link AgencyOrderFactDocument}
 * (what each agency did on each order, summed for its statistics) and {@link StreetCounts} (the street boards'
 * pre-aggregated counts).
 *
 * <p>Per batch: one query loads the orders it touches ({@code _id $in}), each event is applied in
 * partition order ({@link DispatchOrderChanges}), one bulk write per collection stores the result,
 * and only then are the business metrics recorded. Each document remembers the order's last
 * applied sequence number, so a redelivered or older event changes nothing.</p>
 *
 * <p>The street counts: each touched order's counters ({@link StreetCounts#countersOf}) are taken before and
 * after each event, and the moves between them are added per street and partition, guarded by the offset of
 * the last record counted, before the orders are written (so a redelivered batch, or a crash between the two
 * writes, never counts an order twice or loses it).</p>
 */
public class DispatchOrderProjection implements EventBatchHandler.BatchProcessor {

    private final MongoTemplate mongo;
    private final VersionedDocuments documents;
    private final DispatchOrderChanges changes;
    private final DispatchMetrics metrics;
    private final StreetCounts streetCounts;

    public DispatchOrderProjection(MongoTemplate mongo, VersionedDocuments documents, ObjectMapper objectMapper,
                                   AgencyDirectory agencies, DispatchMetrics metrics) {
        this.mongo = mongo;
        this.documents = documents;
        this.changes = new DispatchOrderChanges(objectMapper, agencies);
        this.metrics = metrics;
        this.streetCounts = new StreetCounts(mongo);
    }

    /** Secondary indexes for real MongoDB (the wire server ignores non-unique ones). */
    public void createIndexes() {
        orders().createIndex(Indexes.ascending(DispatchOrderDocument.AGENCY_IDS, DispatchOrderDocument.STATE));
        orders().createIndex(Indexes.ascending(DispatchOrderDocument.STREET_CODE, DispatchOrderDocument.STATE));
        orders().createIndex(Indexes.ascending(DispatchOrderDocument.RETURN_COUNT));
        // What an agency caller sees (Visibility), and the case a case-intake read is about.
        orders().createIndex(Indexes.ascending(DispatchOrderDocument.INVOLVED_AGENCY_IDS, DispatchOrderDocument.ISSUED_AT));
        orders().createIndex(Indexes.ascending(DispatchOrderDocument.CASE_ID));
        orders().createIndex(Indexes.ascending(DispatchOrderDocument.QUEUE_ENTRIES, DispatchOrderDocument.DEADLINE));
        streetCounts.createIndexes();
        facts().createIndex(Indexes.ascending(AgencyOrderFactDocument.AGENCY_ID));
    }

    /** One street's part of a batch from one partition: its counter moves. */
    private record StreetMoves(String streetCode, String source, Map<String, Long> moves) {
    }

    @Override
    public void process(List<EventRecord> events) {
        Map<String, Document> stored = load(events);
        Map<String, Document> touched = new LinkedHashMap<>();
        List<Consumer<DispatchMetrics>> observations = new ArrayList<>();
        Map<String, Long> lastOffsets = new LinkedHashMap<>();
        events.forEach(e -> lastOffsets.merge(source(e), e.offset(), Math::max));
        Map<String, Long> countedUpTo = streetCounts.countedUpTo(lastOffsets.keySet());
        Map<String, StreetMoves> streetMoves = new LinkedHashMap<>();
        for (EventRecord event : events) {
            Document order = touched.containsKey(event.subject()) ? touched.get(event.subject()) : stored.get(event.subject());
            long version = order == null ? -1 : order.get(DispatchOrderDocument.VERSION, Number.class).longValue();
            if (event.sequence() <= version) {
                continue; // redelivered or replayed: applied already
            }
            if (order == null) {
                if (!changes.starts(event)) {
                    throw new PoisonEventException(event, "no order " + event.subject() + " to apply " + event.eventName() + " to", null);
                }
                order = new Document(DispatchOrderDocument.ID, event.subject());
            }
            List<String> before = StreetCounts.countersOf(order);
            changes.apply(order, event, observations);
            order.put(DispatchOrderDocument.QUEUE_ENTRIES, DispatchOrderDocument.queueEntries(order));
            count(event, order, before, StreetCounts.countersOf(order), countedUpTo, streetMoves);
            touched.put(event.subject(), order);
        }
        if (touched.isEmpty()) {
            return;
        }
        // Counts first: if the order writes are then lost, the redelivered batch writes them without counting again.
        for (StreetMoves m : streetMoves.values()) {
            if (m.moves().values().stream().anyMatch(n -> n != 0)) {
                streetCounts.add(m.streetCode(), m.source(),
                        countedUpTo.getOrDefault(StreetCounts.id(m.streetCode(), m.source()), StreetCounts.NOTHING_COUNTED),
                        lastOffsets.get(m.source()), m.moves());
            }
        }
        List<VersionedDocuments.VersionedWrite> orderWrites = new ArrayList<>();
        List<VersionedDocuments.VersionedWrite> factWrites = new ArrayList<>();
        for (Document order : touched.values()) {
            long sequence = order.get(DispatchOrderDocument.VERSION, Number.class).longValue();
            orderWrites.add(VersionedDocuments.applyIfNewer(order.get(DispatchOrderDocument.ID), sequence, setAll(order)));
            for (Document fact : AgencyOrderFactDocument.of(order, changes::agencyType)) {
                factWrites.add(VersionedDocuments.applyIfNewer(fact.get(AgencyOrderFactDocument.ID), sequence, setAll(fact)));
            }
        }
        documents.writeNewer(orders(), orderWrites);
        documents.writeNewer(facts(), factWrites);
        observations.forEach(observation -> observation.accept(metrics)); // after the write: a retried batch counts once
    }

    /** Moves the order from the counters it was in to those it is in now, unless its street counted this record already. */
    private static void count(EventRecord event, Document order, List<String> before, List<String> after,
                              Map<String, Long> countedUpTo, Map<String, StreetMoves> streetMoves) {
        String street = order.getString(DispatchOrderDocument.STREET_CODE);
        if (street == null || before.equals(after)) {
            return;
        }
        String source = source(event);
        String id = StreetCounts.id(street, source);
        if (event.offset() <= countedUpTo.getOrDefault(id, StreetCounts.NOTHING_COUNTED)) {
            return; // counted by an earlier delivery of this batch
        }
        Map<String, Long> moves = streetMoves.computeIfAbsent(id, k -> new StreetMoves(street, source, new HashMap<>())).moves();
        before.forEach(counter -> moves.merge(counter, -1L, Long::sum));
        after.forEach(counter -> moves.merge(counter, 1L, Long::sum));
    }

    private static String source(EventRecord event) {
        return event.topic() + "/" + event.partition();
    }

    StreetCounts streetCounts() {
        return streetCounts;
    }

    /** The stored orders the batch touches, in one query. */
    private Map<String, Document> load(List<EventRecord> events) {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(e -> ids.add(e.subject()));
        Map<String, Document> stored = new LinkedHashMap<>();
        for (Document d : orders().find(Filters.in(DispatchOrderDocument.ID, ids))) {
            stored.put(d.getString(DispatchOrderDocument.ID), d);
        }
        return stored;
    }

    private static Bson setAll(Document doc) {
        List<Bson> sets = new ArrayList<>();
        doc.forEach((k, v) -> {
            if (!k.equals(DispatchOrderDocument.ID) && !k.equals(VersionedDocuments.VERSION)) {
                sets.add(Updates.set(k, v));
            }
        });
        return Updates.combine(sets);
    }

    private MongoCollection<Document> orders() {
        return mongo.getCollection(DispatchOrderDocument.COLLECTION);
    }

    private MongoCollection<Document> facts() {
        return mongo.getCollection(AgencyOrderFactDocument.COLLECTION);
    }
}
