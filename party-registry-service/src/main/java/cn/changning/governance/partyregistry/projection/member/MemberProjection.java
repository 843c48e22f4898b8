package cn.changning.governance.partyregistry.projection.member;

import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.consuming.VersionedDocuments.VersionedWrite;
import cn.changning.governance.contracts.registry.PartyMemberDataErased;
import cn.changning.governance.contracts.registry.PartyMemberRegistered;
import cn.changning.governance.contracts.registry.PartyMembershipTransferred;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;

import static cn.changning.governance.partyregistry.projection.SealedDocuments.of;
import static cn.changning.governance.partyregistry.projection.member.MemberDocuments.*;

/**
 * The registry topic into {@code party_members} (consumer group {@code party-registry-service.members}). Sealed
 * values are stored as published; the erasure event removes them (the ciphertext is unreadable by then anyway, and
 * the read model should not even hold it). Writes apply only above the stored sequence, so a registration
 * redelivered after the erasure cannot bring the values back.
 */
public class MemberProjection implements EventBatchHandler.BatchProcessor {

    private final MongoTemplate mongo;
    private final VersionedDocuments documents;
    private final EventRouter<List<VersionedWrite>> router;

    @SuppressWarnings("unchecked")
    public MemberProjection(MongoTemplate mongo, VersionedDocuments documents, ObjectMapper objectMapper) {
        this.mongo = mongo;
        this.documents = documents;
        this.router = EventRouter.using(objectMapper, (Class<List<VersionedWrite>>) (Class<?>) List.class)
                .on(PartyMemberRegistered.class, (List<VersionedWrite> writes, EventRecord r, PartyMemberRegistered e) ->
                        writes.add(VersionedDocuments.applyIfNewer(r.subject(), r.sequence(), Updates.combine(
                                Updates.set(ORGANIZATION_ID, e.organizationId()),
                                Updates.set(NAME, of(e.name())), Updates.set(IDENTITY_NUMBER, of(e.identityNumber())),
                                Updates.set(PHONE, of(e.phone())), Updates.set(ADDRESS, of(e.address())),
                                Updates.set(GENDER, e.gender().name()), Updates.set(BIRTH_YEAR, e.birthYear()),
                                Updates.set(CATEGORY, e.category().name()), Updates.set(JOINED_ON, e.joinedOn().toString()),
                                Updates.set(STREET_CODE, e.streetCode()),
                                Updates.set(RESIDENTIAL_AREA_CODE, e.residentialAreaCode()),
                                Updates.set(ERASED, false),
                                Updates.set(HISTORY, List.of(membership(e.organizationId(), e.joinedOn().toString(), null)))))))
                .on(PartyMembershipTransferred.class, (List<VersionedWrite> writes, EventRecord r, PartyMembershipTransferred e) ->
                        writes.add(VersionedDocuments.applyIfNewer(r.subject(), r.sequence(), Updates.combine(
                                Updates.set(ORGANIZATION_ID, e.toOrganizationId()),
                                Updates.set(STREET_CODE, e.toStreetCode()),
                                Updates.set(RESIDENTIAL_AREA_CODE, e.toResidentialAreaCode()),
                                Updates.push(HISTORY, membership(e.toOrganizationId(), e.transferredOn().toString(), e.reason()))))))
                .on(PartyMemberDataErased.class, (List<VersionedWrite> writes, EventRecord r, PartyMemberDataErased e) ->
                        writes.add(VersionedDocuments.applyIfNewer(r.subject(), r.sequence(), Updates.combine(
                                Updates.unset(NAME), Updates.unset(IDENTITY_NUMBER), Updates.unset(PHONE),
                                Updates.unset(ADDRESS), Updates.set(ERASED, true),
                                Updates.set(ERASED_AT, e.erasedAt().toString())))));
    }

    private static Document membership(String organizationId, String since, String reason) {
        return new Document(HISTORY_ORGANIZATION_ID, organizationId).append(HISTORY_SINCE, since).append(HISTORY_REASON, reason);
    }

    public void createIndexes() {
        mongo.getCollection(MEMBERS).createIndex(Indexes.ascending(ORGANIZATION_ID));
        mongo.getCollection(MEMBERS).createIndex(Indexes.ascending(STREET_CODE));
    }

    @Override
    public void process(List<EventRecord> events) {
        List<VersionedWrite> writes = new ArrayList<>();
        for (EventRecord event : events) {
            router.route(writes, event);
        }
        documents.writeNewer(mongo.getCollection(MEMBERS), writes);
    }
}
