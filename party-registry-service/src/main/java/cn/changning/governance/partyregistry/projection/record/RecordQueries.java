package cn.changning.governance.partyregistry.projection.record;

import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.partyregistry.projection.PagedFind;
import cn.changning.governance.partyregistry.projection.record.RecordDocuments.RecordType;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static cn.changning.governance.partyregistry.projection.record.RecordDocuments.*;

/** Records of party life by type, organisation, member, place and period; newest first. */
public class RecordQueries {

    /** Every field optional (null); {@code from} and {@code to} inclusive. */
    public record Filter(RecordType type, String organizationId, String memberId, String streetCode,
                         String residentialAreaCode, LocalDate from, LocalDate to) {
    }

    private final MongoTemplate mongo;

    public RecordQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<RecordView> find(String recordId) {
        return Optional.ofNullable(mongo.getCollection(RECORDS).find(Filters.eq("_id", recordId)).first())
                .map(RecordQueries::view);
    }

    public Page<RecordView> list(Filter filter, PageQuery page) {
        List<Bson> filters = new ArrayList<>();
        if (filter.type() != null) {
            filters.add(Filters.eq(TYPE, filter.type().name()));
        }
        eq(filters, ORGANIZATION_ID, filter.organizationId());
        eq(filters, MEMBER_ID, filter.memberId());
        eq(filters, STREET_CODE, filter.streetCode());
        eq(filters, RESIDENTIAL_AREA_CODE, filter.residentialAreaCode());
        if (filter.from() != null) {
            filters.add(Filters.gte(DATE, filter.from().toString()));
        }
        if (filter.to() != null) {
            filters.add(Filters.lte(DATE, filter.to().toString()));
        }
        return PagedFind.page(mongo.getCollection(RECORDS), filters, Sorts.orderBy(Sorts.descending(DATE), Sorts.ascending("_id")),
                page, RecordQueries::view);
    }

    private static void eq(List<Bson> filters, String field, String value) {
        if (value != null) {
            filters.add(Filters.eq(field, value));
        }
    }

    static RecordView view(Document d) {
        return new RecordView(d.getString("_id"), RecordType.valueOf(d.getString(TYPE)), d.getString(ORGANIZATION_ID),
                d.getString(MEMBER_ID), d.getString(KIND), d.getString(TITLE), LocalDate.parse(d.getString(DATE)),
                d.getInteger(PARTICIPANTS), d.getString(TEXT), d.getString(UNIT_ID), d.getString(STREET_CODE),
                d.getString(RESIDENTIAL_AREA_CODE), d.getString(RECORDED_BY),
                d.get(VersionedDocuments.VERSION, Number.class).longValue());
    }
}
