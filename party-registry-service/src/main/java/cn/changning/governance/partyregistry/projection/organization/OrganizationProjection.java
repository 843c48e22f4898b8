package cn.changning.governance.partyregistry.projection.organization;

import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.consuming.VersionedDocuments.VersionedWrite;
import cn.changning.governance.contracts.registry.PartyOrganizationRegistered;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;

import static cn.changning.governance.partyregistry.projection.organization.OrganizationDocuments.*;

/**
 * The registry topic into {@code party_organizations} (consumer group {@code party-registry-service.organizations}).
 * A write applies only above the document's stored sequence ({@link VersionedDocuments}), so redelivery changes nothing.
 */
public class OrganizationProjection implements EventBatchHandler.BatchProcessor {

    private final MongoTemplate mongo;
    private final VersionedDocuments documents;
    private final EventRouter<List<VersionedWrite>> router;

    @SuppressWarnings("unchecked")
    public OrganizationProjection(MongoTemplate mongo, VersionedDocuments documents, ObjectMapper objectMapper) {
        this.mongo = mongo;
        this.documents = documents;
        this.router = EventRouter.using(objectMapper, (Class<List<VersionedWrite>>) (Class<?>) List.class)
                .on(PartyOrganizationRegistered.class, (List<VersionedWrite> writes, EventRecord r, PartyOrganizationRegistered e) ->
                        writes.add(VersionedDocuments.applyIfNewer(r.subject(), r.sequence(), Updates.combine(
                                Updates.set(CODE, e.code()), Updates.set(NAME, e.name()),
                                Updates.set(KIND, e.kind().name()), Updates.set(LEVEL, e.level().name()),
                                Updates.set(PARENT_ID, e.parentId()), Updates.set(STREET_CODE, e.streetCode()),
                                Updates.set(RESIDENTIAL_AREA_CODE, e.residentialAreaCode()),
                                Updates.set(FOUNDED_ON, e.foundedOn() == null ? null : e.foundedOn().toString()),
                                Updates.set(REGISTERED_AT, r.time().toString())))));
    }

    public void createIndexes() {
        mongo.getCollection(ORGANIZATIONS).createIndex(Indexes.ascending(STREET_CODE, CODE));
        mongo.getCollection(ORGANIZATIONS).createIndex(Indexes.ascending(PARENT_ID));
        mongo.getCollection(ORGANIZATIONS).createIndex(Indexes.ascending(KIND));
    }

    @Override
    public void process(List<EventRecord> events) {
        List<VersionedWrite> writes = new ArrayList<>();
        for (EventRecord event : events) {
            router.route(writes, event);
        }
        documents.writeNewer(mongo.getCollection(ORGANIZATIONS), writes);
    }
}
