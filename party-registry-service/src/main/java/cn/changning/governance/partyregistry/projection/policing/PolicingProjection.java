package cn.changning.governance.partyregistry.projection.policing;

import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.contracts.registry.AreaSecretaryAppointed;
import cn.changning.governance.contracts.registry.CommunityPoliceOfficerAssigned;
import cn.changning.governance.contracts.registry.CommunityPoliceOfficerRegistered;
import cn.changning.governance.contracts.registry.CommunityPoliceOfficerReleased;
import cn.changning.governance.contracts.registry.DeputySecretaryCrossAppointed;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.changning.governance.partyregistry.projection.policing.PolicingFields.*;

/**
 * The registry topic's residential-area and officer events into the policing read model (consumer group
 * {@code party-registry-service.policing}). An area's document is rebuilt event by event (read, change, write back),
 * an officer's and a posting's are set: each write applies only when the event's sequence is above the document's,
 * so a redelivered or replayed event changes nothing. A posting follows one area's events, hence that area's sequence.
 */
public class PolicingProjection implements EventBatchHandler.BatchProcessor {

    private final MongoTemplate mongo;
    private final VersionedDocuments documents;
    private final EventRouter<Void> router;

    public PolicingProjection(MongoTemplate mongo, VersionedDocuments documents, ObjectMapper objectMapper) {
        this.mongo = mongo;
        this.documents = documents;
        this.router = EventRouter.using(objectMapper)
                .on(CommunityPoliceOfficerRegistered.class, this::registered)
                .on(AreaSecretaryAppointed.class, this::secretaryAppointed)
                .on(CommunityPoliceOfficerAssigned.class, this::assigned)
                .on(CommunityPoliceOfficerReleased.class, this::released)
                .on(DeputySecretaryCrossAppointed.class, this::deputyAppointed);
    }

    public void createIndexes() {
        collection(POSTINGS).createIndex(Indexes.ascending(OFFICER_ID));
        collection(OFFICERS).createIndex(Indexes.ascending(STREET_CODE));
    }

    @Override
    public void process(List<EventRecord> events) {
        events.forEach(router::route);
    }

    private void registered(EventRecord r, CommunityPoliceOfficerRegistered e) {
        write(OFFICERS, e.officerId(), r, Updates.combine(Updates.set(BADGE_NUMBER, e.badgeNumber()),
                Updates.set(NAME, sealed(e.name())), Updates.set(PARTY_MEMBER_ID, e.partyMemberId()),
                Updates.set(JOINED_PARTY_ON, date(e.joinedPartyOn())), Updates.set(STREET_CODE, e.streetCode())));
    }

    private void secretaryAppointed(EventRecord r, AreaSecretaryAppointed e) {
        changeArea(r, e.areaCode(), area -> area.put(SECRETARY, new Document(SECRETARY_ID, e.secretaryId())
                .append(NAME, sealed(e.name())).append(BIRTH_YEAR, e.birthYear())
                .append(CAREER_ESTABLISHMENT, e.careerEstablishment()).append(APPOINTED_ON, date(e.appointedOn()))));
    }

    private void assigned(EventRecord r, CommunityPoliceOfficerAssigned e) {
        changeArea(r, e.areaCode(), area -> officers(area).add(new Document(OFFICER_ID, e.officerId())
                .append(IN_POST_FROM, date(e.inPostFrom()))));
        write(POSTINGS, postingId(e.officerId(), e.areaCode()), r, Updates.combine(Updates.set(OFFICER_ID, e.officerId()),
                Updates.set(AREA_CODE, e.areaCode()), Updates.set(IN_POST, true), Updates.set(IN_POST_FROM, date(e.inPostFrom())),
                Updates.set(RELEASED_ON, null), Updates.set(DEPUTY_SECRETARY, false)));
    }

    private void released(EventRecord r, CommunityPoliceOfficerReleased e) {
        changeArea(r, e.areaCode(), area -> {
            officers(area).removeIf(o -> e.officerId().equals(o.getString(OFFICER_ID)));
            if (e.deputySecretaryVacated()) {
                area.put(DEPUTY, null);
            }
            if (e.leftWithinFiveYears()) {
                warnings(area).add(new Document(WARNING_CODE, LEFT_WITHIN_FIVE_YEARS).append(OFFICER_ID, e.officerId())
                        .append(IN_POST_FROM, date(e.inPostFrom())).append(RELEASED_ON, date(e.releasedOn())));
            }
        });
        write(POSTINGS, postingId(e.officerId(), e.areaCode()), r, Updates.combine(Updates.set(IN_POST, false),
                Updates.set(RELEASED_ON, date(e.releasedOn())), Updates.set(DEPUTY_SECRETARY, false)));
    }

    private void deputyAppointed(EventRecord r, DeputySecretaryCrossAppointed e) {
        changeArea(r, e.areaCode(), area -> area.put(DEPUTY, new Document(OFFICER_ID, e.officerId())
                .append(PARTY_MEMBER_ID, e.partyMemberId()).append(APPOINTED_ON, date(e.appointedOn()))));
        write(POSTINGS, postingId(e.officerId(), e.areaCode()), r, Updates.set(DEPUTY_SECRETARY, true));
        if (e.replacedOfficerId() != null) {
            write(POSTINGS, postingId(e.replacedOfficerId(), e.areaCode()), r, Updates.set(DEPUTY_SECRETARY, false));
        }
    }

    /** Reads the area's document, applies the change unless the event is already in it, writes it back whole. */
    private void changeArea(EventRecord r, String areaCode, java.util.function.Consumer<Document> change) {
        Document area = collection(AREAS).find(Filters.eq(ID, areaCode)).first();
        if (area == null) {
            area = new Document(STREET_CODE, areaCode.substring(0, 9)).append(OFFICERS_IN_POST, new ArrayList<Document>())
                    .append(WARNINGS, new ArrayList<Document>());
        } else if (area.get(VERSION, Number.class) != null && area.get(VERSION, Number.class).longValue() >= r.sequence()) {
            return; // redelivered or replayed
        }
        change.accept(area);
        List<Bson> sets = new ArrayList<>();
        area.forEach((k, v) -> {
            if (!ID.equals(k) && !VERSION.equals(k)) {
                sets.add(Updates.set(k, v));
            }
        });
        write(AREAS, areaCode, r, Updates.combine(sets));
    }

    private void write(String collection, String id, EventRecord r, Bson update) {
        documents.writeNewer(collection(collection), List.of(VersionedDocuments.applyIfNewer(id, r.sequence(), update)));
    }

    @SuppressWarnings("unchecked")
    private static List<Document> officers(Document area) {
        return (List<Document>) area.computeIfAbsent(OFFICERS_IN_POST, k -> new ArrayList<Document>());
    }

    @SuppressWarnings("unchecked")
    private static List<Document> warnings(Document area) {
        return (List<Document>) area.computeIfAbsent(WARNINGS, k -> new ArrayList<Document>());
    }

    static Document sealed(SealedValue value) {
        return value == null ? null : new Document(SUBJECT, value.subject()).append(CIPHERTEXT, value.ciphertext());
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getCollection(name);
    }
}
