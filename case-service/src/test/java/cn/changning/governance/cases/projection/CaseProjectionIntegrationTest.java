package cn.changning.governance.cases.projection;

import cn.changning.governance.cases.support.CaseServiceIntegrationTest;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.cases.CaseClosed;
import cn.changning.governance.contracts.cases.CaseDispatched;
import cn.changning.governance.contracts.cases.CaseDuplicateLinked;
import cn.changning.governance.contracts.cases.CaseFeedbackRecorded;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseHandled;
import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.CaseRejected;
import cn.changning.governance.contracts.cases.CaseReopened;
import cn.changning.governance.contracts.cases.CaseReported;
import cn.changning.governance.contracts.cases.CaseResolution;
import cn.changning.governance.contracts.cases.CaseResumed;
import cn.changning.governance.contracts.cases.CaseSentBackForRework;
import cn.changning.governance.contracts.cases.CaseSuspended;
import cn.changning.governance.contracts.cases.CaseVerified;
import cn.changning.governance.contracts.cases.RejectionReason;
import cn.changning.governance.contracts.cases.ReportSource;
import cn.changning.governance.contracts.cases.Satisfaction;
import com.fasterxml.jackson.core.JsonProcessingException;
import cn.changning.governance.cases.domain.CaseStep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection against the real Mongo wire server, fed directly with event records for cases
 * that exist only here: redelivered batches and older events change nothing, and the
 * pre-aggregated counts follow each case from bucket to bucket exactly once, also when a batch
 * comes again with other boundaries or its case writes were lost after the counts.
 */
class CaseProjectionIntegrationTest extends CaseServiceIntegrationTest {

    /** Chengjiaqiao grid 3, which no other test uses. */
    static final String GRID = "310105010000003";
    static final String STREET = "310105010";
    static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");

    @Autowired
    CaseProjection projection;
    @Autowired
    CaseQueries queries;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meterRegistry;

    @Test
    void aRedeliveredBatchAndAnOlderEventChangeNothing() {
        String id = UUID.randomUUID().toString();
        Partition topic = new Partition();
        EventRecord reported = topic.next(id, 0, reported(id));
        EventRecord filed = topic.next(id, 1, filed(id));
        Counts before = new Counts();

        projection.process(List.of(reported, filed));
        Document first = caseDocument(id);
        assertThat(first.getString(CaseDocument.STEP)).isEqualTo("FILED");
        assertThat(first.getList(CaseDocument.TIMELINE, Document.class)).hasSize(2);
        assertThat(before.added("FILED")).isEqualTo(1);
        assertThat(before.added("REPORTED")).isZero();

        projection.process(List.of(reported, filed)); // redelivered
        projection.process(List.of(reported));        // an older event after a newer one
        projection.process(List.of(topic.next(id, 1, filed(id)))); // published again after a publisher crash
        Document again = caseDocument(id);
        assertThat(again.getString(CaseDocument.STEP)).isEqualTo("FILED");
        assertThat(again.getList(CaseDocument.TIMELINE, Document.class)).hasSize(2);
        assertThat(again.get(CaseDocument.VERSION, Number.class).longValue()).isEqualTo(1);
        assertThat(before.added("FILED")).isEqualTo(1);
        assertThat(before.added("REPORTED")).isZero();

        projection.process(List.of(topic.next(id, 2, dispatched(id))));
        assertThat(before.added("FILED")).isZero();
        assertThat(before.added("DISPATCHED")).isEqualTo(1);
        CaseStats stats = queries.stats(null, STREET, GRID, "COMPONENT");
        assertThat(stats.total()).isEqualTo(stats.buckets().stream().mapToLong(CaseStats.Bucket::count).sum());
        assertThat(stats.buckets()).allSatisfy(bucket -> {
            assertThat(bucket.count()).isPositive();
            assertThat(bucket.gridCode()).isEqualTo(GRID);
        });
    }

    /** The business meters a case moves: the flow counters by street and grid, the open-case counts by step and street. */
    @Test
    void aFiledCaseIsCountedInItsStreetAndGridAndOpenInItsStep() {
        String id = UUID.randomUUID().toString();
        Partition topic = new Partition();
        CaseMetrics.StepAndStreet filedHere = new CaseMetrics.StepAndStreet(CaseStep.FILED, STREET);
        long openBefore = projection.openCases().getOrDefault(filedHere, 0L);
        double filedBefore = filedInGrid();

        projection.process(List.of(topic.next(id, 0, reported(id)), topic.next(id, 1, filed(id))));
        assertThat(filedInGrid()).isEqualTo(filedBefore + 1);
        assertThat(projection.openCases().getOrDefault(filedHere, 0L)).isEqualTo(openBefore + 1);

        projection.process(List.of(topic.next(id, 2, dispatched(id))));
        assertThat(projection.openCases().getOrDefault(filedHere, 0L)).as("moved on to DISPATCHED").isEqualTo(openBefore);
        assertThat(filedInGrid()).as("counted once").isEqualTo(filedBefore + 1);
    }

    private double filedInGrid() {
        Counter filed = meterRegistry.find("governance.cases.filed").tags("street", STREET, "grid", GRID).counter();
        return filed == null ? 0 : filed.count();
    }

    @Test
    void aBatchRedeliveredWithOtherBoundariesCountsEachMoveOnce() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        Partition topic = new Partition();
        EventRecord aReported = topic.next(a, 0, reported(a));
        EventRecord bReported = topic.next(b, 0, reported(b));
        EventRecord aFiled = topic.next(a, 1, filed(a));
        EventRecord bFiled = topic.next(b, 1, filed(b));
        EventRecord aDispatched = topic.next(a, 2, dispatched(a));
        Counts before = new Counts();

        projection.process(List.of(aReported, bReported, aFiled));
        projection.process(List.of(bReported, aFiled, bFiled, aDispatched)); // overlaps the batch before

        assertThat(before.added("REPORTED")).isZero();
        assertThat(before.added("FILED")).isEqualTo(1);
        assertThat(before.added("DISPATCHED")).isEqualTo(1);
    }

    @Test
    void caseDocumentsLostAfterTheCountsAreWrittenAgainWithoutCountingTwice() {
        String id = UUID.randomUUID().toString();
        Partition topic = new Partition();
        List<EventRecord> batch = List.of(topic.next(id, 0, reported(id)), topic.next(id, 1, filed(id)));
        Counts before = new Counts();
        projection.process(batch);
        // As if the process died after counting and before its case writes reached the store.
        mongo.getCollection(CaseDocument.COLLECTION).deleteOne(eq(CaseDocument.ID, id));

        projection.process(batch); // redelivered from the last committed offset

        assertThat(caseDocument(id).getString(CaseDocument.STEP)).isEqualTo("FILED");
        assertThat(before.added("FILED")).isEqualTo(1);
    }

    /**
     * The stored field names, written out literally: they are what a rebuilt read model, the
     * benchmark seeder and anyone reading the collection rely on, so a renamed constant must fail here.
     * Every event a case document shows is applied once, in an order that leaves every sub-document set.
     */
    @Test
    void aCaseDocumentKeepsItsFieldNames() {
        String id = UUID.randomUUID().toString();
        Partition topic = new Partition();
        Instant t = T0;
        List<Object> events = List.of(
                reported(id),
                filed(id),
                dispatched(id),
                new CaseHandled(id, "o-" + id, 0, "lighting-office", "Lamp replaced", true, t.plusSeconds(180)),
                new CaseVerified(id, 0, true, "Checked on site", "grid-officer-3", t.plusSeconds(240)),
                new CaseSentBackForRework(id, 1, "Flickers again", "grid-officer-3", t.plusSeconds(300)),
                new CaseReopened(id, 2, "Resident complained", "operator-2", t.plusSeconds(360)),
                new CaseClosed(id, CaseResolution.FIXED, "Fixed", 2, true, "operator-2", t.plusSeconds(420)),
                new CaseFeedbackRecorded(id, Satisfaction.SATISFIED, "Thanks", "hotline", t.plusSeconds(480)),
                new CaseDuplicateLinked(id, "other-" + id, "operator-2", t.plusSeconds(540)),
                new CaseRejected(id, RejectionReason.DUPLICATE, "other-" + id, "Same lamp", "operator-2", t.plusSeconds(600)),
                new CaseResumed(id, t.plusSeconds(86_400 * 2), "operator-2", t.plusSeconds(660)),
                new CaseSuspended(id, "Awaiting parts", "deputy-director", "operator-2", t.plusSeconds(720)));
        List<EventRecord> batch = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            batch.add(topic.next(id, i, events.get(i)));
        }

        projection.process(batch);

        assertThat(CaseDocument.COLLECTION).isEqualTo("cases");
        Document doc = caseDocument(id);
        assertThat(doc.keySet()).containsExactlyInAnyOrder("_id", "step", "open", "suspended", "suspension",
                "itemCode", "itemName", "itemClass", "category", "handlingType", "persistentProblem",
                "gridCode", "streetCode", "residentialAreaCode", "location", "description", "source",
                "reportedAt", "reportedBy", "filedAt", "deadline", "round", "dispatch", "handling", "verification",
                "resolution", "closedAt", "closedOnTime", "feedback", "rejection", "duplicates",
                "reporter", "timeline", "updatedAt", "version");
        assertThat(doc.get("location", Document.class).keySet())
                .containsExactlyInAnyOrder("latitude", "longitude", "gridCode", "address");
        assertThat(doc.get("dispatch", Document.class).keySet())
                .containsExactlyInAnyOrder("orderId", "round", "leadAgencyId", "assistingAgencyIds", "dispatchedAt");
        assertThat(doc.get("handling", Document.class).keySet()).containsExactlyInAnyOrder("result", "onTime", "handledAt");
        assertThat(doc.get("verification", Document.class).keySet())
                .containsExactlyInAnyOrder("fixed", "note", "verifiedBy", "verifiedAt");
        assertThat(doc.get("feedback", Document.class).keySet()).containsExactlyInAnyOrder("satisfaction", "comment", "recordedAt");
        assertThat(doc.get("rejection", Document.class).keySet()).containsExactlyInAnyOrder("reason", "duplicateOf", "note");
        assertThat(doc.get("suspension", Document.class).keySet()).containsExactlyInAnyOrder("reason", "approvedBy", "since");

        Map<String, Set<String>> details = new LinkedHashMap<>();
        details.put("CaseReported", Set.of("itemCode"));
        details.put("CaseFiled", Set.of("itemCode", "gridCode", "deadline"));
        details.put("CaseDispatched", Set.of("orderId", "round", "leadAgencyId"));
        details.put("CaseHandled", Set.of("orderId", "round", "result", "onTime"));
        details.put("CaseVerified", Set.of("fixed", "note"));
        details.put("CaseSentBackForRework", Set.of("reworkRound", "reason"));
        details.put("CaseReopened", Set.of("reworkRound", "reason"));
        details.put("CaseClosed", Set.of("resolution", "onTime", "note"));
        details.put("CaseFeedbackRecorded", Set.of("satisfaction", "comment"));
        details.put("CaseDuplicateLinked", Set.of("duplicateCaseId"));
        details.put("CaseRejected", Set.of("reason", "duplicateOf", "note"));
        details.put("CaseResumed", Set.of("deadline"));
        details.put("CaseSuspended", Set.of("reason", "approvedBy"));
        List<Document> timeline = doc.getList("timeline", Document.class);
        assertThat(timeline).extracting(e -> e.getString("event")).containsExactlyElementsOf(details.keySet());
        assertThat(timeline).allSatisfy(entry -> {
            assertThat(entry.keySet()).containsExactlyInAnyOrder("sequence", "event", "at", "by", "details");
            assertThat(entry.get("details", Document.class).keySet())
                    .as(entry.getString("event")).containsExactlyInAnyOrderElementsOf(details.get(entry.getString("event")));
        });

        Document counted = mongo.getCollection("case_counts").find(eq("_id", topic.topic + "/0")).first();
        assertThat(counted.keySet()).containsExactlyInAnyOrder("_id", "offset", "counts");
        assertThat(counted.get("counts", Document.class).keySet()).allMatch(key -> key.split("\\|", -1).length == 4);
    }

    @Test
    void duplicateCandidatesAreOpenCasesOfTheSameItemWithinFiftyMetresAndThirtyDays() {
        Instant now = Instant.parse("2026-11-20T02:00:00Z");
        String original = UUID.randomUUID().toString();
        String farAway = UUID.randomUUID().toString();
        String tooOld = UUID.randomUUID().toString();
        String otherItem = UUID.randomUUID().toString();
        // About 30 m north of the point asked about, and about 80 m east of it.
        Partition topic = new Partition();
        projection.process(List.of(
                topic.next(original, 0, reportedAt(original, "0301", 31.20077, 121.36835, now.minusSeconds(3600))),
                topic.next(farAway, 0, reportedAt(farAway, "0301", 31.2005, 121.36920, now.minusSeconds(3600))),
                topic.next(tooOld, 0, reportedAt(tooOld, "0301", 31.2005, 121.36835, now.minus(CaseQueries.DUPLICATE_WINDOW).minusSeconds(60))),
                topic.next(otherItem, 0, reportedAt(otherItem, "0302", 31.2005, 121.36835, now.minusSeconds(60)))));

        List<CaseView> candidates = queries.duplicateCandidates("new-one", "0301",
                cn.changning.governance.reference.geography.GeoPoint.of(31.2005, 121.36835), now);

        assertThat(candidates).extracting(CaseView::caseId).containsExactly(original);
    }

    private static CaseReported reportedAt(String id, String item, double lat, double lng, Instant at) {
        return new CaseReported(id, item, new CaseLocation(lat, lng, null, null), "Bin overflowing", ReportSource.RESIDENT, null, at);
    }

    private long count(String step) {
        return queries.stats(step, STREET, GRID, "COMPONENT").total();
    }

    /** The counts of this test's grid when created, so a test sees only its own cases' moves. */
    private final class Counts {
        private final Map<String, Long> start = new HashMap<>();

        Counts() {
            for (String step : List.of("REPORTED", "FILED", "DISPATCHED")) {
                start.put(step, count(step));
            }
        }

        long added(String step) {
            return count(step) - start.get(step);
        }
    }

    private Document caseDocument(String id) {
        return mongo.getCollection(CaseDocument.COLLECTION).find(eq(CaseDocument.ID, id)).first();
    }

    private static CaseReported reported(String id) {
        return new CaseReported(id, "0201", new CaseLocation(31.2005, 121.38165, null, "Xianxia Rd"),
                "Street light out", ReportSource.CAMERA, null, T0);
    }

    private static CaseFiled filed(String id) {
        return new CaseFiled(id, "0201", "COMPONENT", "C", false, GRID, STREET, T0.plusSeconds(86_400), "operator-2",
                T0.plusSeconds(60));
    }

    private static CaseDispatched dispatched(String id) {
        return new CaseDispatched(id, "o-" + id, 0, "lighting-office", List.of(), T0.plusSeconds(120));
    }

    /**
     * A topic partition of its own for each test, so its offsets never meet those of the live
     * consumer or of another test (the counts are kept per partition, by offset).
     */
    private final class Partition {
        private final String topic = "test.case-events." + UUID.randomUUID();
        private long offset;

        EventRecord next(String caseId, long sequence, Object event) {
            try {
                return new EventRecord(UUID.randomUUID().toString(), EventTypes.cloudEventType(event.getClass()), caseId,
                        sequence, T0, objectMapper.writeValueAsBytes(event), topic, 0, offset++);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
