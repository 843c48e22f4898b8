package cn.changning.governance.cases.projection;

import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.ReportSource;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/** Reads the case read model. */
public class CaseQueries {

    private final MongoTemplate mongo;

    public CaseQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<CaseView> findCase(String caseId) {
        Document doc = mongo.getCollection(CaseProjection.COLLECTION).find(eq("_id", caseId)).first();
        return Optional.ofNullable(doc).map(CaseQueries::toView);
    }

    static CaseView toView(Document d) {
        Document l = d.get("location", Document.class);
        CaseLocation location = l == null ? null : new CaseLocation(
                l.getDouble("latitude"), l.getDouble("longitude"), l.getString("gridCode"), l.getString("address"));
        return new CaseView(
                d.getString("_id"),
                d.getString("step"),
                d.getString("itemCode"),
                location,
                d.getString("description"),
                d.getString("source") == null ? null : ReportSource.valueOf(d.getString("source")),
                instant(d.getDate("reportedAt")),
                instant(d.getDate("updatedAt")),
                d.get("version", Number.class).longValue());
    }

    private static java.time.Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
