package cn.changning.governance.dispatch.projection;

import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.VersionedDocuments;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * What the dispatch service has seen of the case context: one document per case with the
 * last case event applied. It proves the services meet only through the event log, and lets
 * operators see at a glance whether dispatch is keeping up with the case topic.
 */
public class CaseIntakeProjection implements EventBatchHandler.BatchProcessor {

    public static final String COLLECTION = "case_intake";

    private final MongoTemplate mongo;
    private final VersionedDocuments documents;

    public CaseIntakeProjection(MongoTemplate mongo, VersionedDocuments documents) {
        this.mongo = mongo;
        this.documents = documents;
    }

    @Override
    public void process(List<EventRecord> events) {
        List<VersionedDocuments.VersionedWrite> writes = new ArrayList<>(events.size());
        for (EventRecord event : events) {
            writes.add(VersionedDocuments.applyIfNewer(event.subject(), event.sequence(), Updates.combine(
                    Updates.set("lastEvent", event.eventName() != null ? event.eventName() : event.type()),
                    Updates.set("lastEventId", event.id()),
                    Updates.set("lastEventAt", Date.from(event.time())),
                    Updates.inc("eventsSeen", 1))));
        }
        documents.writeNewer(mongo.getCollection(COLLECTION), writes);
    }

    public record CaseIntake(String caseId, String lastEvent, long version, int eventsSeen) {
    }

    public java.util.Optional<CaseIntake> find(String caseId) {
        Document d = mongo.getCollection(COLLECTION).find(new Document("_id", caseId)).first();
        return java.util.Optional.ofNullable(d).map(x -> new CaseIntake(x.getString("_id"), x.getString("lastEvent"),
                x.get("version", Number.class).longValue(), x.get("eventsSeen", Number.class).intValue()));
    }
}
