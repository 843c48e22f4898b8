package cn.changning.governance.cases.projection;

import cn.changning.governance.cases.domain.CaseStep;
import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.cases.CaseClosed;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseRejected;
import cn.changning.governance.contracts.cases.CaseReopened;
import cn.changning.governance.contracts.cases.CaseReported;
import cn.changning.governance.contracts.cases.CaseSentBackForRework;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the {@code cases} collection (one {@link CaseDocument} per case, with its timeline) and the
 * pre-aggregated counts ({@link CaseCounts}), and records the business metrics.
 *
 * <p>Cases are written by idempotent upsert ({@link VersionedDocuments}), a whole Kafka batch in
 * one ordered bulk write. Each case's bucket (step, street, grid, item class) is followed in
 * memory from its stored document through the batch; the moves between buckets are counted,
 * per partition and guarded by its offset, before the case documents are written, so a
 * redelivered batch or a crash between the two writes never counts a case twice or loses it.
 */
public class CaseProjection implements EventBatchHandler.BatchProcessor {

    private final MongoTemplate mongo;
    private final VersionedDocuments documents;
    private final EventRouter<Void> router;
    private final CaseChanges changes;
    private final CaseMetrics metrics;
    private final CaseCounts counts;

    public CaseProjection(MongoTemplate mongo, VersionedDocuments documents, ObjectMapper objectMapper, CaseChanges changes,
                          CaseMetrics metrics) {
        this.documents = documents;
        this.mongo = mongo;
        this.router = EventRouter.using(objectMapper).accepting(CaseChanges.EVENTS);
        this.changes = changes;
        this.metrics = metrics;
        this.counts = new CaseCounts(mongo);
        metrics.openCasesFrom(this::openCases);
    }

    /** What the counts and metrics need to know about a case, as stored and then through the batch. */
    private static final class CaseState {
        long version = -1;
        String step;
        String streetCode;
        String gridCode;
        String itemClass;
        Instant reportedAt;

        /** The bucket the case is counted in; null before it exists. */
        String bucket() {
            return step == null ? null : CaseStats.key(step, streetCode, gridCode, itemClass);
        }

        void apply(Map<String, Object> sets) {
            if (sets.containsKey(CaseDocument.STEP)) {
                step = (String) sets.get(CaseDocument.STEP);
            }
            if (sets.containsKey(CaseDocument.STREET_CODE)) {
                streetCode = (String) sets.get(CaseDocument.STREET_CODE);
            }
            if (sets.containsKey(CaseDocument.GRID_CODE)) {
                gridCode = (String) sets.get(CaseDocument.GRID_CODE);
            }
            if (sets.containsKey(CaseDocument.ITEM_CLASS)) {
                itemClass = (String) sets.get(CaseDocument.ITEM_CLASS);
            }
        }
    }

    private record Applied(Object event, String streetCode, String gridCode, String itemClass, Instant reportedAt) {
    }

    /** One partition's part of a batch: its bucket moves and the last offset seen. */
    private static final class PartitionMoves {
        final Map<String, Long> moves = new HashMap<>();
        long lastOffset = -1;

        void move(String from, String to) {
            if (Objects.equals(from, to)) {
                return;
            }
            if (from != null) {
                moves.merge(from, -1L, Long::sum);
            }
            moves.merge(to, 1L, Long::sum);
        }
    }

    @Override
    public void process(List<EventRecord> events) {
        Map<String, CaseState> cases = statesBefore(events);
        Map<String, Long> storedVersions = new HashMap<>();
        cases.forEach((id, state) -> storedVersions.put(id, state.version));
        Map<String, PartitionMoves> partitions = new LinkedHashMap<>();
        for (EventRecord e : events) {
            PartitionMoves p = partitions.computeIfAbsent(CaseCounts.source(e.topic(), e.partition()), s -> new PartitionMoves());
            p.lastOffset = Math.max(p.lastOffset, e.offset());
        }
        Map<String, Long> countedUpTo = counts.countedUpTo(partitions.keySet());
        List<VersionedDocuments.VersionedWrite> writes = new ArrayList<>(events.size());
        List<Applied> applied = new ArrayList<>();
        for (EventRecord record : events) {
            Optional<Object> decoded = router.decode(record); // empty: an event this view does not show
            if (decoded.isEmpty()) {
                continue;
            }
            Object event = CaseChanges.current(decoded.get());
            Optional<CaseChanges.Change> change = changes.of(event, record.sequence());
            CaseState state = cases.computeIfAbsent(record.subject(), id -> new CaseState());
            if (change.isEmpty() || record.sequence() <= state.version) {
                continue; // not shown, or already applied (redelivered, or older than what is stored)
            }
            String source = CaseCounts.source(record.topic(), record.partition());
            String before = state.bucket();
            state.version = record.sequence();
            state.apply(change.get().sets());
            if (event instanceof CaseReported r) {
                state.reportedAt = r.reportedAt();
            }
            if (record.offset() > countedUpTo.get(source)) {
                partitions.get(source).move(before, state.bucket());
            }
            writes.add(VersionedDocuments.applyIfNewer(record.subject(), record.sequence(),
                    update(change.get(), record.time())));
            applied.add(new Applied(event, state.streetCode, state.gridCode, state.itemClass, state.reportedAt));
        }
        if (writes.isEmpty()) {
            return;
        }
        // Counts first: if the case writes are then lost, the redelivered batch writes them without counting again.
        partitions.forEach((source, p) -> {
            if (!p.moves.isEmpty()) {
                counts.add(source, countedUpTo.get(source), p.lastOffset, p.moves);
            }
        });
        documents.writeNewer(collection(), writes, storedVersions);
        applied.forEach(this::record);
    }

    private static Bson update(CaseChanges.Change change, Instant time) {
        List<Bson> updates = new ArrayList<>();
        change.sets().forEach((field, value) -> updates.add(Updates.set(field, value)));
        if (change.linkDuplicate() != null) {
            updates.add(Updates.addToSet(CaseDocument.DUPLICATES, change.linkDuplicate()));
        }
        updates.add(Updates.push(CaseDocument.TIMELINE, change.timeline()));
        updates.add(Updates.set(CaseDocument.UPDATED_AT, Date.from(time)));
        return Updates.combine(updates);
    }

    private Map<String, CaseState> statesBefore(List<EventRecord> events) {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(e -> ids.add(e.subject()));
        Map<String, CaseState> states = new HashMap<>();
        for (Document d : collection().find(Filters.in(CaseDocument.ID, ids))
                .projection(Projections.include(CaseDocument.VERSION, CaseDocument.STEP, CaseDocument.STREET_CODE,
                        CaseDocument.GRID_CODE, CaseDocument.ITEM_CLASS, CaseDocument.REPORTED_AT))) {
            CaseState s = new CaseState();
            s.version = d.get(CaseDocument.VERSION, Number.class).longValue();
            s.step = d.getString(CaseDocument.STEP);
            s.streetCode = d.getString(CaseDocument.STREET_CODE);
            s.gridCode = d.getString(CaseDocument.GRID_CODE);
            s.itemClass = d.getString(CaseDocument.ITEM_CLASS);
            Date reportedAt = d.getDate(CaseDocument.REPORTED_AT);
            s.reportedAt = reportedAt == null ? null : reportedAt.toInstant();
            states.put(d.getString(CaseDocument.ID), s);
        }
        return states;
    }

    private void record(Applied a) {
        Object event = a.event();
        if (event instanceof CaseReported) {
            metrics.count("reported", a.streetCode(), a.gridCode(), a.itemClass());
        } else if (event instanceof CaseFiled filed) {
            metrics.count("filed", filed.streetCode(), filed.gridCode(), filed.itemClass());
        } else if (event instanceof CaseRejected) {
            metrics.count("rejected", a.streetCode(), a.gridCode(), a.itemClass());
        } else if (event instanceof CaseSentBackForRework || event instanceof CaseReopened) {
            metrics.count("reworked", a.streetCode(), a.gridCode(), a.itemClass());
        } else if (event instanceof CaseClosed closed) {
            metrics.count("closed", a.streetCode(), a.gridCode(), a.itemClass());
            if (a.reportedAt() != null) {
                metrics.reportToClose(Duration.between(a.reportedAt(), closed.closedAt()), a.itemClass());
            }
        }
        // the other events are not counted
    }

    /** Open cases by step and street, summed over the grids and item classes of the pre-aggregated counts. */
    Map<CaseMetrics.StepAndStreet, Long> openCases() {
        Map<CaseMetrics.StepAndStreet, Long> open = new HashMap<>();
        counts.totals().forEach((bucket, n) -> {
            String[] dimensions = CaseStats.dimensionsOf(bucket);
            CaseStep step = CaseStep.valueOf(dimensions[0]);
            if (step.isOpen()) {
                String street = CaseStats.NONE.equals(dimensions[1]) ? CaseMetrics.UNKNOWN : dimensions[1];
                open.merge(new CaseMetrics.StepAndStreet(step, street), n, Long::sum);
            }
        });
        return open;
    }

    MongoCollection<Document> collection() {
        return mongo.getCollection(CaseDocument.COLLECTION);
    }

    CaseCounts counts() {
        return counts;
    }
}
