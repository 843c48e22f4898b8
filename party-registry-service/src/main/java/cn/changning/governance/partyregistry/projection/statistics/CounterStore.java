package cn.changning.governance.partyregistry.projection.statistics;

import cn.changning.governance.common.consuming.VersionedDocuments;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.changning.governance.partyregistry.projection.statistics.StatisticsFields.*;

/**
 * The counters' exact writes: each change is applied only when its record's offset is above the offset its counter
 * document holds for the record's partition. Per batch, one query reads the documents the batch touches, the changes
 * not yet applied are summed per document, and one bulk write applies them ({@code $inc} of the counts, {@code $set}
 * of the partition's new offset).
 *
 * <p>Against real MongoDB each write also filters on the offset it was computed from: a write that finds the
 * document moved on (another consumer took the partition meanwhile) fails the batch, which is then retried from the
 * store's state, never applied twice. The Mongo wire server of the tests filters on {@code _id} only (it scans its
 * collection for any other filter), safe while one consumer owns a partition, as in {@link VersionedDocuments}.</p>
 */
final class CounterStore {

    /** One record's change to one count. */
    record Change(String counterId, Metric metric, Scope scope, String place, String breakdown, long delta,
                  int partition, long offset) {
    }

    private final VersionedDocuments.Guard guard;

    CounterStore(VersionedDocuments.Guard guard) {
        this.guard = guard;
    }

    /** Applies the changes not yet applied; returns how many were. */
    int apply(MongoCollection<Document> counters, List<Change> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        Map<String, Document> stored = new HashMap<>();
        for (Document d : counters.find(Filters.in(ID, changes.stream().map(Change::counterId).distinct().toList()))) {
            stored.put(d.getString(ID), d);
        }
        Map<String, Pending> pending = new LinkedHashMap<>();
        int applied = 0;
        for (Change c : changes) {
            Long appliedUpTo = offset(stored.get(c.counterId()), c.partition());
            if (appliedUpTo != null && c.offset() <= appliedUpTo) {
                continue; // redelivered or replayed
            }
            pending.computeIfAbsent(c.counterId() + "#" + c.partition(), k -> new Pending(c, appliedUpTo)).add(c);
            applied++;
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        for (Pending p : pending.values()) {
            writes.add(p.write(guard));
        }
        if (!writes.isEmpty()) {
            BulkWriteResult result = counters.bulkWrite(writes, new BulkWriteOptions().ordered(true));
            if (guard == VersionedDocuments.Guard.CONDITIONAL_WRITE
                    && result.getMatchedCount() + result.getUpserts().size() < writes.size()) {
                throw new IllegalStateException("statistics counters moved on while a batch was applied; it is retried");
            }
        }
        return applied;
    }

    /** The counts of these counter documents, by id then breakdown (a missing document: no entry). */
    static Map<String, Map<String, Long>> read(MongoCollection<Document> counters, Collection<String> ids) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        for (Document d : counters.find(Filters.in(ID, ids))) {
            Map<String, Long> byBreakdown = new LinkedHashMap<>();
            Document c = d.get(COUNTS, Document.class);
            if (c != null) {
                c.forEach((k, v) -> byBreakdown.put(k, ((Number) v).longValue()));
            }
            counts.put(d.getString(ID), byBreakdown);
        }
        return counts;
    }

    private static Long offset(Document counter, int partition) {
        if (counter == null) {
            return null;
        }
        Document offsets = counter.get(OFFSETS, Document.class);
        Object o = offsets == null ? null : offsets.get(Integer.toString(partition));
        return o == null ? null : ((Number) o).longValue();
    }

    /** The changes of one partition to one document in this batch. */
    private static final class Pending {
        private final Change first;
        private final Long storedOffset;
        private final Map<String, Long> deltas = new LinkedHashMap<>();
        private long lastOffset;

        Pending(Change first, Long storedOffset) {
            this.first = first;
            this.storedOffset = storedOffset;
        }

        void add(Change c) {
            deltas.merge(c.breakdown(), c.delta(), Long::sum);
            lastOffset = Math.max(lastOffset, c.offset());
        }

        UpdateOneModel<Document> write(VersionedDocuments.Guard guard) {
            String offsetField = OFFSETS + "." + first.partition();
            List<Bson> updates = new ArrayList<>();
            deltas.forEach((breakdown, delta) -> updates.add(Updates.inc(COUNTS + "." + breakdown, delta)));
            updates.add(Updates.set(offsetField, lastOffset));
            updates.add(Updates.set(METRIC, first.metric().name()));
            updates.add(Updates.set(SCOPE, first.scope().name()));
            updates.add(Updates.set(PLACE, first.place()));
            Bson filter = Filters.eq(ID, first.counterId());
            if (guard == VersionedDocuments.Guard.CONDITIONAL_WRITE) {
                filter = Filters.and(filter, storedOffset == null ? Filters.exists(offsetField, false)
                        : Filters.eq(offsetField, storedOffset));
            }
            return new UpdateOneModel<>(filter, Updates.combine(updates), new UpdateOptions().upsert(true));
        }
    }
}
