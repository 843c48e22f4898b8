package cn.changning.governance.cases.projection;

import cn.changning.governance.cases.domain.CaseStep;
import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.PoisonEventException;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.cases.CaseClosed;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseReported;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the {@code cases} collection (one document per case, with its timeline) and the
 * pre-aggregated {@code case_stats} counts, and records the business metrics.
 *
 * <p>Cases are written by idempotent upsert ({@link VersionedDocuments}), a whole Kafka batch in
 * one ordered bulk write. The counts are then reconciled from the case documents: each stats
 * document lists the cases it counts, and a case is moved between them with guarded updates
 * ({@code $pull} only where present, insert only where absent), so a redelivered batch or a
 * crash between the two writes never counts a case twice.
 */
public class CaseProjection implements EventBatchHandler.BatchProcessor {

    public static final String COLLECTION = "cases";
    public static final String STATS = "case_stats";

    private final MongoTemplate mongo;
    private final ObjectMapper objectMapper;
    private final CaseChanges changes;
    private final CaseMetrics metrics;

    public CaseProjection(MongoTemplate mongo, ObjectMapper objectMapper, CaseChanges changes, CaseMetrics metrics) {
        this.mongo = mongo;
        this.objectMapper = objectMapper;
        this.changes = changes;
        this.metrics = metrics;
    }

    /** What the metrics need to know about a case, before and through the batch. */
    private static final class Facts {
        long version = -1;
        String streetCode;
        String itemClass;
        Instant reportedAt;
    }

    private record Applied(String eventName, Object event, String streetCode, String itemClass, Instant reportedAt) {
    }

    @Override
    public void process(List<EventRecord> events) {
        Map<String, Facts> facts = factsBefore(events);
        List<VersionedDocuments.VersionedWrite> writes = new ArrayList<>(events.size());
        List<Applied> applied = new ArrayList<>();
        Set<String> touched = new LinkedHashSet<>();
        for (EventRecord record : events) {
            Optional<Object> decoded = decode(record);
            if (decoded.isEmpty()) {
                continue;
            }
            Object event = decoded.get();
            Optional<CaseChanges.Change> change = changes.of(event, record.sequence());
            if (change.isEmpty()) {
                continue;
            }
            touched.add(record.subject());
            writes.add(VersionedDocuments.applyIfNewer(record.subject(), record.sequence(),
                    update(change.get(), record.time())));
            Facts f = facts.computeIfAbsent(record.subject(), id -> new Facts());
            if (record.sequence() > f.version) { // first time: count it once the write succeeded
                f.version = record.sequence();
                Map<String, Object> sets = change.get().sets();
                if (sets.containsKey("streetCode")) {
                    f.streetCode = (String) sets.get("streetCode");
                }
                if (sets.containsKey("itemClass")) {
                    f.itemClass = (String) sets.get("itemClass");
                }
                if (event instanceof CaseReported r) {
                    f.reportedAt = r.reportedAt();
                }
                applied.add(new Applied(record.eventName(), event, f.streetCode, f.itemClass, f.reportedAt));
            }
        }
        if (writes.isEmpty()) {
            return;
        }
        VersionedDocuments.writeNewer(collection(), writes);
        applied.forEach(this::record);
        reconcileStats(touched);
    }

    private Optional<Object> decode(EventRecord record) {
        Class<?> type = record.eventName() == null ? null : CaseChanges.EVENTS.get(record.eventName());
        if (type == null) {
            return Optional.empty(); // events this view does not show
        }
        try {
            return Optional.of(record.dataAs(type, objectMapper));
        } catch (RuntimeException e) {
            throw new PoisonEventException(record, "cannot be projected", e);
        }
    }

    private static Bson update(CaseChanges.Change change, Instant time) {
        List<Bson> updates = new ArrayList<>();
        change.sets().forEach((field, value) -> updates.add(Updates.set(field, value)));
        if (change.linkDuplicate() != null) {
            updates.add(Updates.addToSet("duplicates", change.linkDuplicate()));
        }
        updates.add(Updates.push("timeline", change.timeline()));
        updates.add(Updates.set("updatedAt", Date.from(time)));
        return Updates.combine(updates);
    }

    private Map<String, Facts> factsBefore(List<EventRecord> events) {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(e -> ids.add(e.subject()));
        Map<String, Facts> facts = new HashMap<>();
        for (Document d : collection().find(Filters.in("_id", ids))
                .projection(Projections.include("version", "streetCode", "itemClass", "reportedAt"))) {
            Facts f = new Facts();
            f.version = d.get("version", Number.class).longValue();
            f.streetCode = d.getString("streetCode");
            f.itemClass = d.getString("itemClass");
            Date reportedAt = d.getDate("reportedAt");
            f.reportedAt = reportedAt == null ? null : reportedAt.toInstant();
            facts.put(d.getString("_id"), f);
        }
        return facts;
    }

    private void record(Applied a) {
        switch (a.eventName()) {
            case "CaseReported" -> metrics.count("reported", a.streetCode(), a.itemClass());
            case "CaseFiled" -> metrics.count("filed", ((CaseFiled) a.event()).streetCode(), ((CaseFiled) a.event()).itemClass());
            case "CaseRejected" -> metrics.count("rejected", a.streetCode(), a.itemClass());
            case "CaseSentBackForRework", "CaseReopened" -> metrics.count("reworked", a.streetCode(), a.itemClass());
            case "CaseClosed" -> {
                metrics.count("closed", a.streetCode(), a.itemClass());
                if (a.reportedAt() != null) {
                    metrics.reportToClose(Duration.between(a.reportedAt(), ((CaseClosed) a.event()).closedAt()), a.itemClass());
                }
            }
            default -> {
                // the other events are not counted
            }
        }
    }

    /** Moves each touched case into the stats bucket of its current step, street, grid and item class. */
    private void reconcileStats(Set<String> caseIds) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Document c : collection().find(Filters.in("_id", caseIds))
                .projection(Projections.include("step", "streetCode", "gridCode", "itemClass"))) {
            String caseId = c.getString("_id");
            String key = CaseStats.key(c.getString("step"), c.getString("streetCode"), c.getString("gridCode"),
                    c.getString("itemClass"));
            // Absent from the bucket: added and counted. Present: the upsert collides on _id and is skipped.
            writes.add(new UpdateOneModel<>(
                    Filters.and(Filters.eq("_id", key), Filters.ne("caseIds", caseId)),
                    Updates.combine(Updates.push("caseIds", caseId), Updates.inc("count", 1),
                            Updates.set("step", c.getString("step")), Updates.set("streetCode", c.getString("streetCode")),
                            Updates.set("gridCode", c.getString("gridCode")), Updates.set("itemClass", c.getString("itemClass"))),
                    new UpdateOptions().upsert(true)));
            // Then out of any other bucket (added first, so a reader never sees the case counted nowhere).
            writes.add(new UpdateManyModel<>(
                    Filters.and(Filters.eq("caseIds", caseId), Filters.ne("_id", key)),
                    Updates.combine(Updates.pull("caseIds", caseId), Updates.inc("count", -1))));
        }
        if (!writes.isEmpty()) {
            VersionedDocuments.writeInOrder(stats(), writes);
        }
        refreshOpenCases();
    }

    private void refreshOpenCases() {
        Map<CaseStep, Long> open = new EnumMap<>(CaseStep.class);
        for (Document d : stats().find().projection(Projections.include("step", "count"))) {
            CaseStep step = CaseStep.valueOf(d.getString("step"));
            if (step.isOpen()) {
                open.merge(step, d.get("count", Number.class).longValue(), Long::sum);
            }
        }
        metrics.openCases(open);
    }

    MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    MongoCollection<Document> stats() {
        return mongo.getCollection(STATS);
    }
}
