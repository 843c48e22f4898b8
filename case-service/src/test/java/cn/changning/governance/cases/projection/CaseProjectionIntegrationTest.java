package cn.changning.governance.cases.projection;

import cn.changning.governance.cases.support.CaseServiceIntegrationTest;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.contracts.cases.CaseDispatched;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.CaseReported;
import cn.changning.governance.contracts.cases.ReportSource;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection against the real Mongo wire server, fed directly with event records for cases
 * that exist only here: redelivered batches and older events change nothing, and the
 * pre-aggregated counts follow each case from bucket to bucket exactly once.
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

    @Test
    void aRedeliveredBatchAndAnOlderEventChangeNothing() {
        String id = UUID.randomUUID().toString();
        EventRecord reported = record(id, 0, new CaseReported(id, "0201", new CaseLocation(31.2005, 121.38165, null, "Xianxia Rd"),
                "Street light out", ReportSource.CAMERA, null, T0));
        EventRecord filed = record(id, 1, new CaseFiled(id, "0201", "COMPONENT", "C", false, GRID, STREET,
                T0.plusSeconds(86_400), "operator-2", T0.plusSeconds(60)));

        projection.process(List.of(reported, filed));
        Document first = caseDocument(id);
        assertThat(first.getString("step")).isEqualTo("FILED");
        assertThat(first.getList("timeline", Document.class)).hasSize(2);
        assertThat(count("FILED")).isEqualTo(1);
        assertThat(count("REPORTED")).isZero();

        projection.process(List.of(reported, filed)); // redelivered
        projection.process(List.of(reported));        // an older event after a newer one
        Document again = caseDocument(id);
        assertThat(again.getString("step")).isEqualTo("FILED");
        assertThat(again.getList("timeline", Document.class)).hasSize(2);
        assertThat(again.get("version", Number.class).longValue()).isEqualTo(1);
        assertThat(count("FILED")).isEqualTo(1);
        assertThat(count("REPORTED")).isZero();

        projection.process(List.of(record(id, 2, new CaseDispatched(id, "o-" + id, 0, "lighting-office", List.of(), T0.plusSeconds(120)))));
        assertThat(count("FILED")).isZero();
        assertThat(count("DISPATCHED")).isEqualTo(1);
        CaseStats stats = queries.stats(null, STREET, GRID, "COMPONENT");
        assertThat(stats.total()).isEqualTo(1);
        assertThat(stats.buckets()).singleElement().satisfies(b -> assertThat(b.step()).isEqualTo("DISPATCHED"));
    }

    @Test
    void duplicateCandidatesAreOpenCasesOfTheSameItemWithinFiftyMetresAndThirtyDays() {
        Instant now = Instant.parse("2026-11-20T02:00:00Z");
        String original = UUID.randomUUID().toString();
        String farAway = UUID.randomUUID().toString();
        String tooOld = UUID.randomUUID().toString();
        String otherItem = UUID.randomUUID().toString();
        // About 30 m north of the point asked about, and about 80 m east of it.
        projection.process(List.of(
                record(original, 0, reportedAt(original, "0301", 31.20077, 121.36835, now.minusSeconds(3600))),
                record(farAway, 0, reportedAt(farAway, "0301", 31.2005, 121.36920, now.minusSeconds(3600))),
                record(tooOld, 0, reportedAt(tooOld, "0301", 31.2005, 121.36835, now.minus(CaseQueries.DUPLICATE_WINDOW).minusSeconds(60))),
                record(otherItem, 0, reportedAt(otherItem, "0302", 31.2005, 121.36835, now.minusSeconds(60)))));

        List<CaseView> candidates = queries.duplicateCandidates("new-one", "0301",
                cn.changning.governance.cases.reference.GeoPoint.of(31.2005, 121.36835), now);

        assertThat(candidates).extracting(CaseView::caseId).containsExactly(original);
    }

    private static CaseReported reportedAt(String id, String item, double lat, double lng, Instant at) {
        return new CaseReported(id, item, new CaseLocation(lat, lng, null, null), "Bin overflowing", ReportSource.RESIDENT, null, at);
    }

    private long count(String step) {
        CaseStats stats = queries.stats(step, STREET, GRID, "COMPONENT");
        return stats.total();
    }

    private Document caseDocument(String id) {
        return mongo.getCollection(CaseProjection.COLLECTION).find(eq("_id", id)).first();
    }

    private EventRecord record(String caseId, long sequence, Object event) {
        try {
            return new EventRecord(UUID.randomUUID().toString(), EventTypes.cloudEventType(event.getClass()), caseId, sequence,
                    T0, objectMapper.writeValueAsBytes(event), Topics.CASE_EVENTS, 0, sequence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
