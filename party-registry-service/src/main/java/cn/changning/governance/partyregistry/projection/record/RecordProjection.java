package cn.changning.governance.partyregistry.projection.record;

import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.consuming.VersionedDocuments.VersionedWrite;
import cn.changning.governance.contracts.registry.ActivityRecorded;
import cn.changning.governance.contracts.registry.HonourAwarded;
import cn.changning.governance.contracts.registry.PartyAffairRecorded;
import cn.changning.governance.contracts.registry.VisitLogged;
import cn.changning.governance.partyregistry.projection.record.RecordDocuments.RecordType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.changning.governance.partyregistry.projection.record.RecordDocuments.*;

/**
 * The registry topic into {@code party_records} (consumer group {@code party-registry-service.records}). Each record
 * is one event; a redelivery finds its sequence applied and changes nothing.
 */
public class RecordProjection implements EventBatchHandler.BatchProcessor {

    private final MongoTemplate mongo;
    private final VersionedDocuments documents;
    private final EventRouter<List<VersionedWrite>> router;

    @SuppressWarnings("unchecked")
    public RecordProjection(MongoTemplate mongo, VersionedDocuments documents, ObjectMapper objectMapper) {
        this.mongo = mongo;
        this.documents = documents;
        this.router = EventRouter.using(objectMapper, (Class<List<VersionedWrite>>) (Class<?>) List.class)
                .on(ActivityRecorded.class, (List<VersionedWrite> w, EventRecord r, ActivityRecorded e) -> w.add(write(r,
                        RecordType.ACTIVITY, e.organizationId(), null, e.kind().name(), e.title(), e.heldOn(),
                        e.streetCode(), e.residentialAreaCode(), e.recordedBy(), Updates.set(PARTICIPANTS, e.participants()))))
                .on(VisitLogged.class, (List<VersionedWrite> w, EventRecord r, VisitLogged e) -> w.add(write(r,
                        RecordType.VISIT, e.organizationId(), e.visitorMemberId(), null, e.purpose(), e.visitedOn(),
                        e.streetCode(), e.residentialAreaCode(), e.recordedBy(), Updates.set(TEXT, e.summary()),
                        Updates.set(UNIT_ID, e.visitedUnitId()))))
                .on(PartyAffairRecorded.class, (List<VersionedWrite> w, EventRecord r, PartyAffairRecorded e) -> w.add(write(r,
                        RecordType.PARTY_AFFAIR, e.organizationId(), null, e.kind().name(), null, e.occurredOn(),
                        e.streetCode(), e.residentialAreaCode(), e.recordedBy(), Updates.set(TEXT, e.description()))))
                .on(HonourAwarded.class, (List<VersionedWrite> w, EventRecord r, HonourAwarded e) -> w.add(write(r,
                        RecordType.HONOUR, e.organizationId(), e.memberId(), e.level().name(), e.title(), e.awardedOn(),
                        e.streetCode(), e.residentialAreaCode(), e.recordedBy())));
    }

    private static VersionedWrite write(EventRecord record, RecordType type, String organizationId, String memberId,
                                        String kind, String title, LocalDate date, String street, String area,
                                        String recordedBy, Bson... more) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set(TYPE, type.name()),
                Updates.set(ORGANIZATION_ID, organizationId), Updates.set(MEMBER_ID, memberId), Updates.set(KIND, kind),
                Updates.set(TITLE, title), Updates.set(DATE, date.toString()), Updates.set(STREET_CODE, street),
                Updates.set(RESIDENTIAL_AREA_CODE, area), Updates.set(RECORDED_BY, recordedBy)));
        updates.addAll(List.of(more));
        return VersionedDocuments.applyIfNewer(record.subject(), record.sequence(), Updates.combine(updates));
    }

    public void createIndexes() {
        mongo.getCollection(RECORDS).createIndex(Indexes.ascending(STREET_CODE, DATE));
        mongo.getCollection(RECORDS).createIndex(Indexes.ascending(ORGANIZATION_ID, DATE));
    }

    @Override
    public void process(List<EventRecord> events) {
        List<VersionedWrite> writes = new ArrayList<>();
        for (EventRecord event : events) {
            router.route(writes, event);
        }
        documents.writeNewer(mongo.getCollection(RECORDS), writes);
    }
}
