package cn.changning.governance.partyregistry.projection;

import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.registry.ActivityKind;
import cn.changning.governance.contracts.registry.ActivityRecorded;
import cn.changning.governance.contracts.registry.HonourAwarded;
import cn.changning.governance.contracts.registry.HonourLevel;
import cn.changning.governance.contracts.registry.PartyAffairKind;
import cn.changning.governance.contracts.registry.PartyAffairRecorded;
import cn.changning.governance.partyregistry.projection.record.RecordDocuments.RecordType;
import cn.changning.governance.partyregistry.projection.record.RecordProjection;
import cn.changning.governance.partyregistry.projection.record.RecordQueries;
import cn.changning.governance.partyregistry.projection.record.RecordQueries.Filter;
import cn.changning.governance.partyregistry.projection.record.RecordView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.changning.governance.partyregistry.projection.ProjectionRecords.JSON;
import static cn.changning.governance.partyregistry.projection.ProjectionRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

/** The records of party life on the embedded Mongo: by period and place, newest first, redelivery. */
class RecordProjectionTest {

    private static final String HUAYANG = "310105001";
    private static final String XINHUA = "310105002";

    private ProjectionRecords store;
    private RecordProjection projection;
    private RecordQueries queries;

    @BeforeEach
    void setUp() {
        store = new ProjectionRecords("record_projection");
        projection = new RecordProjection(store.mongo, new VersionedDocuments(VersionedDocuments.Guard.IN_MEMORY_CHECK), JSON);
        queries = new RecordQueries(store.mongo);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static ActivityRecorded activity(String id, LocalDate on, String street) {
        return new ActivityRecorded(id, "org", ActivityKind.STUDY_SESSION, "学习 " + id, on, 10, street, null, "staff");
    }

    @Test
    void recordsAreFoundByPeriodAndPlaceNewestFirst() {
        projection.process(List.of(
                record("a-jan", 0, activity("a-jan", LocalDate.of(2026, 1, 15), HUAYANG)),
                record("a-mar", 0, activity("a-mar", LocalDate.of(2026, 3, 31), HUAYANG)),
                record("a-apr", 0, activity("a-apr", LocalDate.of(2026, 4, 1), HUAYANG)),
                record("a-feb-x", 0, activity("a-feb-x", LocalDate.of(2026, 2, 1), XINHUA)),
                record("h-mar", 0, new HonourAwarded("h-mar", "org", null, "先进", HonourLevel.STREET, LocalDate.of(2026, 3, 1),
                        HUAYANG, null, "staff"))));

        // The first quarter in Huayang Road: the April activity and Xinhua Road's are outside it.
        List<RecordView> quarter = queries.list(new Filter(null, null, null, HUAYANG, null,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)), new PageQuery(0, 20)).items();
        assertThat(quarter).extracting(RecordView::recordId).containsExactly("a-mar", "h-mar", "a-jan");
        assertThat(queries.list(new Filter(RecordType.HONOUR, null, null, null, null, null, null), new PageQuery(0, 20))
                .items()).extracting(RecordView::title).containsExactly("先进");
    }

    @Test
    void aRedeliveredRecordIsStoredOnce() {
        var affair = record("p-1", 0, new PartyAffairRecorded("p-1", "org", PartyAffairKind.ELECTION, LocalDate.of(2026, 5, 5),
                "换届选举", HUAYANG, null, "staff"));
        projection.process(List.of(affair));
        projection.process(List.of(affair));

        assertThat(queries.list(new Filter(null, "org", null, null, null, null, null), new PageQuery(0, 20)).total()).isEqualTo(1);
        assertThat(queries.find("p-1").orElseThrow().kind()).isEqualTo("ELECTION");
    }
}
