package cn.changning.governance.cases.projection;

import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.PoisonEventException;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.cases.CaseReported;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Keeps the {@code cases} collection: one document per case, written by idempotent upsert
 * (see {@link VersionedDocuments}), a whole Kafka batch in one ordered bulk write.
 */
public class CaseProjection implements EventBatchHandler.BatchProcessor {

    public static final String COLLECTION = "cases";

    private final MongoTemplate mongo;
    private final ObjectMapper objectMapper;

    public CaseProjection(MongoTemplate mongo, ObjectMapper objectMapper) {
        this.mongo = mongo;
        this.objectMapper = objectMapper;
    }

    @Override
    public void process(List<EventRecord> events) {
        List<UpdateOneModel<Document>> writes = new ArrayList<>(events.size());
        for (EventRecord event : events) {
            Bson update = updateFor(event);
            if (update != null) {
                writes.add(VersionedDocuments.applyIfNewer(event.subject(), event.sequence(),
                        Updates.combine(update, Updates.set("updatedAt", Date.from(event.time())))));
            }
        }
        if (!writes.isEmpty()) {
            VersionedDocuments.writeInOrder(collection(), writes);
        }
    }

    private Bson updateFor(EventRecord event) {
        String name = event.eventName();
        if (name == null) {
            return null;
        }
        try {
            return switch (name) {
                case "CaseReported" -> reported(event.dataAs(CaseReported.class, objectMapper));
                default -> null; // events this view does not show
            };
        } catch (RuntimeException e) {
            throw new PoisonEventException(event, "cannot be projected", e);
        }
    }

    private static Bson reported(CaseReported e) {
        Document location = new Document("latitude", e.location().latitude())
                .append("longitude", e.location().longitude())
                .append("gridCode", e.location().gridCode())
                .append("address", e.location().address());
        return Updates.combine(
                Updates.set("step", "REPORTED"),
                Updates.set("itemCode", e.itemCode()),
                Updates.set("location", location),
                Updates.set("description", e.description()),
                Updates.set("source", e.source().name()),
                Updates.set("reportedAt", Date.from(e.reportedAt())));
    }

    MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
