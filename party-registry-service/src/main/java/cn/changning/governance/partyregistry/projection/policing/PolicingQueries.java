package cn.changning.governance.partyregistry.projection.policing;

import cn.changning.governance.contracts.personal.SealedValue;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static cn.changning.governance.partyregistry.projection.policing.PolicingFields.*;

/** Reads of the policing read model: an area, an officer, the officers (by badge), an officer's postings. */
public class PolicingQueries {

    private final MongoTemplate mongo;

    public PolicingQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<PolicingViews.Area> area(String areaCode) {
        return Optional.ofNullable(mongo.getCollection(AREAS).find(Filters.eq(ID, areaCode)).first()).map(PolicingQueries::area);
    }

    public Optional<PolicingViews.Officer> officer(String officerId) {
        return Optional.ofNullable(mongo.getCollection(OFFICERS).find(Filters.eq(ID, officerId)).first())
                .map(PolicingQueries::officer);
    }

    /** The officers by badge number, of one street or (streetCode null) all: at most the district's ~200. */
    public List<PolicingViews.Officer> officers(String streetCode) {
        Bson filter = streetCode == null ? new Document() : Filters.eq(STREET_CODE, streetCode);
        List<PolicingViews.Officer> officers = new ArrayList<>();
        for (Document d : mongo.getCollection(OFFICERS).find(filter).sort(Sorts.ascending(BADGE_NUMBER))) {
            officers.add(officer(d));
        }
        return officers;
    }

    /** Where the officer is or was in post, oldest first. */
    public List<PolicingViews.Posting> postings(String officerId) {
        List<PolicingViews.Posting> postings = new ArrayList<>();
        for (Document d : mongo.getCollection(POSTINGS).find(Filters.eq(OFFICER_ID, officerId))) {
            postings.add(new PolicingViews.Posting(d.getString(OFFICER_ID), d.getString(AREA_CODE),
                    Boolean.TRUE.equals(d.getBoolean(IN_POST)), date(d, IN_POST_FROM), date(d, RELEASED_ON),
                    Boolean.TRUE.equals(d.getBoolean(DEPUTY_SECRETARY))));
        }
        postings.sort(java.util.Comparator.comparing(PolicingViews.Posting::inPostFrom,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return postings;
    }

    private static PolicingViews.Area area(Document d) {
        Document s = d.get(SECRETARY, Document.class);
        PolicingViews.Secretary secretary = s == null ? null : new PolicingViews.Secretary(s.getString(SECRETARY_ID),
                sealed(s), s.get(BIRTH_YEAR, Number.class).intValue(), Boolean.TRUE.equals(s.getBoolean(CAREER_ESTABLISHMENT)),
                date(s, APPOINTED_ON));
        List<PolicingViews.OfficerInPost> inPost = d.getList(OFFICERS_IN_POST, Document.class, List.of()).stream()
                .map(o -> new PolicingViews.OfficerInPost(o.getString(OFFICER_ID), date(o, IN_POST_FROM))).toList();
        Document dep = d.get(DEPUTY, Document.class);
        PolicingViews.Deputy deputy = dep == null ? null : new PolicingViews.Deputy(dep.getString(OFFICER_ID),
                dep.getString(PARTY_MEMBER_ID), date(dep, APPOINTED_ON));
        List<PolicingViews.Warning> warnings = d.getList(WARNINGS, Document.class, List.of()).stream()
                .map(w -> new PolicingViews.Warning(w.getString(WARNING_CODE), w.getString(OFFICER_ID), date(w, IN_POST_FROM),
                        date(w, RELEASED_ON))).toList();
        return new PolicingViews.Area(d.getString(ID), d.getString(STREET_CODE), secretary, inPost, deputy, warnings, version(d));
    }

    private static PolicingViews.Officer officer(Document d) {
        return new PolicingViews.Officer(d.getString(ID), d.getString(BADGE_NUMBER), sealed(d), d.getString(PARTY_MEMBER_ID),
                date(d, JOINED_PARTY_ON), d.getString(STREET_CODE), version(d));
    }

    private static SealedValue sealed(Document holder) {
        Document name = holder.get(NAME, Document.class);
        return name == null ? null : new SealedValue(name.getString(SUBJECT), name.getString(CIPHERTEXT));
    }

    private static LocalDate date(Document d, String field) {
        String value = d.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }

    private static long version(Document d) {
        Number v = d.get(VERSION, Number.class);
        return v == null ? -1 : v.longValue();
    }
}
