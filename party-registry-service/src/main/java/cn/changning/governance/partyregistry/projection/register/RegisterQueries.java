package cn.changning.governance.partyregistry.projection.register;

import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.registry.ResidentUnitCategory;
import cn.changning.governance.partyregistry.projection.PagedFind;
import cn.changning.governance.partyregistry.projection.SealedDocuments;
import cn.changning.governance.partyregistry.projection.register.RegisterViews.BuildingView;
import cn.changning.governance.partyregistry.projection.register.RegisterViews.MassOrganizationView;
import cn.changning.governance.partyregistry.projection.register.RegisterViews.PartyWorkerView;
import cn.changning.governance.partyregistry.projection.register.RegisterViews.ResidentUnitView;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static cn.changning.governance.partyregistry.projection.register.RegisterDocuments.*;

/** Reads of the registers: one record by id, paged lists by street (all of the district without one). */
public class RegisterQueries {

    private final MongoTemplate mongo;

    public RegisterQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<BuildingView> building(String id) {
        return one(BUILDINGS, id, RegisterQueries::building);
    }

    public Page<BuildingView> buildings(String streetCode, PageQuery page) {
        return list(BUILDINGS, streetCode, CODE, page, RegisterQueries::building);
    }

    public Optional<ResidentUnitView> residentUnit(String id) {
        return one(RESIDENT_UNITS, id, RegisterQueries::unit);
    }

    public Page<ResidentUnitView> residentUnits(String streetCode, PageQuery page) {
        return list(RESIDENT_UNITS, streetCode, CREDIT_CODE, page, RegisterQueries::unit);
    }

    public Optional<MassOrganizationView> youthLeagueOrganization(String id) {
        return one(YOUTH_LEAGUE_ORGANIZATIONS, id, RegisterQueries::mass);
    }

    public Page<MassOrganizationView> youthLeagueOrganizations(String streetCode, PageQuery page) {
        return list(YOUTH_LEAGUE_ORGANIZATIONS, streetCode, CODE, page, RegisterQueries::mass);
    }

    public Optional<MassOrganizationView> tradeUnion(String id) {
        return one(TRADE_UNIONS, id, RegisterQueries::mass);
    }

    public Page<MassOrganizationView> tradeUnions(String streetCode, PageQuery page) {
        return list(TRADE_UNIONS, streetCode, CODE, page, RegisterQueries::mass);
    }

    public Optional<PartyWorkerView> partyWorker(String id) {
        return one(PARTY_WORKERS, id, RegisterQueries::worker);
    }

    public Page<PartyWorkerView> partyWorkers(String streetCode, PageQuery page) {
        return list(PARTY_WORKERS, streetCode, STAFF_NUMBER, page, RegisterQueries::worker);
    }

    private <T> Optional<T> one(String collection, String id, Function<Document, T> view) {
        return Optional.ofNullable(mongo.getCollection(collection).find(Filters.eq("_id", id)).first()).map(view);
    }

    private <T> Page<T> list(String collection, String streetCode, String sortField, PageQuery page, Function<Document, T> view) {
        List<Bson> filters = new ArrayList<>();
        if (streetCode != null) {
            filters.add(Filters.eq(STREET_CODE, streetCode));
        }
        return PagedFind.page(mongo.getCollection(collection), filters, Sorts.ascending(sortField), page, view);
    }

    private static long version(Document d) {
        return d.get(VersionedDocuments.VERSION, Number.class).longValue();
    }

    static BuildingView building(Document d) {
        return new BuildingView(d.getString("_id"), d.getString(CODE), d.getString(NAME), d.getString(STREET_CODE),
                d.getString(RESIDENTIAL_AREA_CODE), d.getInteger(FLOORS), version(d));
    }

    static ResidentUnitView unit(Document d) {
        ResidentUnitCategory category = ResidentUnitCategory.valueOf(d.getString(CATEGORY));
        return new ResidentUnitView(d.getString("_id"), d.getString(CREDIT_CODE), d.getString(NAME), category,
                category.isTwoNew(), d.getString(STREET_CODE), d.getString(RESIDENTIAL_AREA_CODE), d.getString(BUILDING_ID),
                d.getInteger(EMPLOYEES), version(d));
    }

    static MassOrganizationView mass(Document d) {
        return new MassOrganizationView(d.getString("_id"), d.getString(CODE), d.getString(NAME), d.getString(STREET_CODE),
                d.getString(UNIT_ID), d.getInteger(MEMBERS), version(d));
    }

    static PartyWorkerView worker(Document d) {
        return new PartyWorkerView(d.getString("_id"), d.getString(STAFF_NUMBER), SealedDocuments.read(d, SEALED_NAME),
                d.getString(STREET_CODE), Boolean.TRUE.equals(d.getBoolean(FULL_TIME)), version(d));
    }
}
