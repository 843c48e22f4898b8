package cn.changning.governance.partyregistry.projection.organization;

import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.registry.PartyOrganizationKind;
import cn.changning.governance.contracts.registry.PartyOrganizationLevel;
import cn.changning.governance.partyregistry.projection.PagedFind;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static cn.changning.governance.partyregistry.projection.organization.OrganizationDocuments.*;

/** Reads of the organisations read model: one by id, lists by street, kind and parent (by code). */
public class OrganizationQueries {

    private final MongoTemplate mongo;

    public OrganizationQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<OrganizationView> find(String organizationId) {
        return Optional.ofNullable(mongo.getCollection(ORGANIZATIONS).find(Filters.eq("_id", organizationId)).first())
                .map(OrganizationQueries::view);
    }

    /** Every filter is optional (null). */
    public Page<OrganizationView> list(String streetCode, PartyOrganizationKind kind, String parentId, PageQuery page) {
        List<Bson> filters = new ArrayList<>();
        if (streetCode != null) {
            filters.add(Filters.eq(STREET_CODE, streetCode));
        }
        if (kind != null) {
            filters.add(Filters.eq(KIND, kind.name()));
        }
        if (parentId != null) {
            filters.add(Filters.eq(PARENT_ID, parentId));
        }
        return PagedFind.page(mongo.getCollection(ORGANIZATIONS), filters, Sorts.ascending(CODE), page,
                OrganizationQueries::view);
    }

    static OrganizationView view(Document d) {
        String founded = d.getString(FOUNDED_ON);
        return new OrganizationView(d.getString("_id"), d.getString(CODE), d.getString(NAME),
                PartyOrganizationKind.valueOf(d.getString(KIND)), PartyOrganizationLevel.valueOf(d.getString(LEVEL)),
                d.getString(PARENT_ID), d.getString(STREET_CODE), d.getString(RESIDENTIAL_AREA_CODE),
                founded == null ? null : LocalDate.parse(founded), d.get(VersionedDocuments.VERSION, Number.class).longValue());
    }
}
