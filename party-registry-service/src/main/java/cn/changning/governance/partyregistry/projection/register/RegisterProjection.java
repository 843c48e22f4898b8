package cn.changning.governance.partyregistry.projection.register;

import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.consuming.VersionedDocuments.VersionedWrite;
import cn.changning.governance.contracts.registry.BuildingRegistered;
import cn.changning.governance.contracts.registry.PartyWorkerRegistered;
import cn.changning.governance.contracts.registry.ResidentUnitRegistered;
import cn.changning.governance.contracts.registry.TradeUnionRegistered;
import cn.changning.governance.contracts.registry.YouthLeagueOrganizationRegistered;
import cn.changning.governance.partyregistry.projection.SealedDocuments;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.changning.governance.partyregistry.projection.register.RegisterDocuments.*;

/**
 * The registry topic into the registers' collections (consumer group {@code party-registry-service.registers}):
 * buildings, resident units, youth-league organisations, trade unions, party workers. Writes apply only above the
 * stored sequence, so redelivery changes nothing.
 */
public class RegisterProjection implements EventBatchHandler.BatchProcessor {

    /** One event's write, and its collection. */
    static final class Writes {
        final Map<String, List<VersionedWrite>> byCollection = new LinkedHashMap<>();

        void add(String collection, EventRecord record, Bson... updates) {
            byCollection.computeIfAbsent(collection, k -> new ArrayList<>())
                    .add(VersionedDocuments.applyIfNewer(record.subject(), record.sequence(), Updates.combine(updates)));
        }
    }

    private final MongoTemplate mongo;
    private final VersionedDocuments documents;
    private final EventRouter<Writes> router;

    public RegisterProjection(MongoTemplate mongo, VersionedDocuments documents, ObjectMapper objectMapper) {
        this.mongo = mongo;
        this.documents = documents;
        this.router = EventRouter.using(objectMapper, Writes.class)
                .on(BuildingRegistered.class, (Writes w, EventRecord r, BuildingRegistered e) -> w.add(BUILDINGS, r,
                        Updates.set(CODE, e.code()), Updates.set(NAME, e.name()), Updates.set(STREET_CODE, e.streetCode()),
                        Updates.set(RESIDENTIAL_AREA_CODE, e.residentialAreaCode()), Updates.set(FLOORS, e.floors())))
                .on(ResidentUnitRegistered.class, (Writes w, EventRecord r, ResidentUnitRegistered e) -> w.add(RESIDENT_UNITS, r,
                        Updates.set(CREDIT_CODE, e.creditCode()), Updates.set(NAME, e.name()),
                        Updates.set(CATEGORY, e.category().name()), Updates.set(STREET_CODE, e.streetCode()),
                        Updates.set(RESIDENTIAL_AREA_CODE, e.residentialAreaCode()), Updates.set(BUILDING_ID, e.buildingId()),
                        Updates.set(EMPLOYEES, e.employees())))
                .on(YouthLeagueOrganizationRegistered.class, (Writes w, EventRecord r, YouthLeagueOrganizationRegistered e) ->
                        w.add(YOUTH_LEAGUE_ORGANIZATIONS, r, Updates.set(CODE, e.code()), Updates.set(NAME, e.name()),
                                Updates.set(STREET_CODE, e.streetCode()), Updates.set(UNIT_ID, e.unitId()),
                                Updates.set(MEMBERS, e.members())))
                .on(TradeUnionRegistered.class, (Writes w, EventRecord r, TradeUnionRegistered e) ->
                        w.add(TRADE_UNIONS, r, Updates.set(CODE, e.code()), Updates.set(NAME, e.name()),
                                Updates.set(STREET_CODE, e.streetCode()), Updates.set(UNIT_ID, e.unitId()),
                                Updates.set(MEMBERS, e.members())))
                .on(PartyWorkerRegistered.class, (Writes w, EventRecord r, PartyWorkerRegistered e) ->
                        w.add(PARTY_WORKERS, r, Updates.set(STAFF_NUMBER, e.staffNumber()),
                                Updates.set(SEALED_NAME, SealedDocuments.of(e.name())),
                                Updates.set(STREET_CODE, e.streetCode()), Updates.set(FULL_TIME, e.fullTime())));
    }

    public void createIndexes() {
        for (String collection : List.of(BUILDINGS, RESIDENT_UNITS, YOUTH_LEAGUE_ORGANIZATIONS, TRADE_UNIONS, PARTY_WORKERS)) {
            mongo.getCollection(collection).createIndex(Indexes.ascending(STREET_CODE));
        }
    }

    @Override
    public void process(List<EventRecord> events) {
        Writes writes = new Writes();
        for (EventRecord event : events) {
            router.route(writes, event);
        }
        writes.byCollection.forEach((collection, list) -> documents.writeNewer(mongo.getCollection(collection), list));
    }
}
