package cn.changning.governance.partyregistry.projection.member;

import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.registry.Gender;
import cn.changning.governance.contracts.registry.PartyMemberCategory;
import cn.changning.governance.partyregistry.projection.PagedFind;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static cn.changning.governance.partyregistry.projection.SealedDocuments.read;
import static cn.changning.governance.partyregistry.projection.member.MemberDocuments.*;

/** Reads of the members read model: one member, the members of an organisation or a street (paged). */
public class MemberQueries {

    private final MongoTemplate mongo;

    public MemberQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<MemberView> find(String memberId) {
        // A document holding only a later event (its registration not applied yet) is not a member to show.
        return Optional.ofNullable(mongo.getCollection(MEMBERS).find(Filters.eq("_id", memberId)).first())
                .filter(d -> d.getString(JOINED_ON) != null)
                .map(MemberQueries::view);
    }

    public Page<MemberView> ofOrganization(String organizationId, PageQuery page) {
        return PagedFind.page(mongo.getCollection(MEMBERS), List.of(Filters.eq(ORGANIZATION_ID, organizationId)),
                Sorts.ascending(JOINED_ON, "_id"), page, MemberQueries::view);
    }

    public Page<MemberView> ofStreet(String streetCode, PageQuery page) {
        return PagedFind.page(mongo.getCollection(MEMBERS), List.of(Filters.eq(STREET_CODE, streetCode)),
                Sorts.ascending(JOINED_ON, "_id"), page, MemberQueries::view);
    }

    static MemberView view(Document d) {
        List<MemberView.Membership> history = new ArrayList<>();
        for (Document m : d.getList(HISTORY, Document.class, List.of())) {
            history.add(new MemberView.Membership(m.getString(HISTORY_ORGANIZATION_ID),
                    LocalDate.parse(m.getString(HISTORY_SINCE)), m.getString(HISTORY_REASON)));
        }
        String erasedAt = d.getString(ERASED_AT);
        return new MemberView(d.getString("_id"), d.getString(ORGANIZATION_ID), read(d, NAME), read(d, IDENTITY_NUMBER),
                read(d, PHONE), read(d, ADDRESS), Gender.valueOf(d.getString(GENDER)), d.getInteger(BIRTH_YEAR),
                PartyMemberCategory.valueOf(d.getString(CATEGORY)), LocalDate.parse(d.getString(JOINED_ON)),
                d.getString(STREET_CODE), d.getString(RESIDENTIAL_AREA_CODE), Boolean.TRUE.equals(d.getBoolean(ERASED)),
                erasedAt == null ? null : Instant.parse(erasedAt), List.copyOf(history),
                d.get(VersionedDocuments.VERSION, Number.class).longValue());
    }
}
