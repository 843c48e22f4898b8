package cn.changning.governance.cases.projection;

import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.ReportSource;
import cn.changning.governance.reference.geography.GeoPoint;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the case read models. One case and its timeline are read by {@code _id}; counts come
 * from the pre-aggregated {@link CaseCounts}. The list's filters are declared as secondary
 * indexes for real MongoDB (the wire server used locally accepts and ignores them).
 */
public class CaseQueries {

    private static final Logger log = LoggerFactory.getLogger(CaseQueries.class);

    /** Duplicates are sought this close to the report, among cases reported this recently. */
    public static final double DUPLICATE_RADIUS_METRES = 50;
    public static final Duration DUPLICATE_WINDOW = Duration.ofDays(30);
    /** Degrees of latitude per metre; a bounding box narrows the search before the exact distance. */
    private static final double DEGREES_PER_METRE = 1 / 111_320.0;

    private final MongoTemplate mongo;
    private final CaseCounts counts;

    public CaseQueries(MongoTemplate mongo) {
        this.mongo = mongo;
        this.counts = new CaseCounts(mongo);
    }

    /** The list's filters; null means "any". */
    public record Filter(String step, String streetCode, String gridCode, String residentialAreaCode, String itemCode,
                         String itemClass, ReportSource source, Boolean overdue, Boolean suspended,
                         Instant reportedFrom, Instant reportedTo, String text) {
    }

    public void ensureIndexes() {
        try {
            MongoCollection<Document> cases = cases();
            for (String field : List.of("step", "streetCode", "gridCode", "residentialAreaCode", "itemClass", "source",
                    "reportedAt")) {
                cases.createIndex(Indexes.ascending(field));
            }
            cases.createIndex(Indexes.ascending("open", "deadline"));
            cases.createIndex(Indexes.ascending("itemCode", "open", "reportedAt"));
        } catch (RuntimeException e) {
            // Indexes speed queries up and change no result: a store that refuses one must not stop the service.
            log.warn("could not declare read-model indexes: {}", e.toString());
        }
    }

    public Optional<CaseView> findCase(String caseId, Instant now) {
        Document doc = cases().find(Filters.eq("_id", caseId)).projection(Projections.exclude("timeline")).first();
        return Optional.ofNullable(doc).map(d -> toView(d, now));
    }

    public Optional<CaseView.Timeline> timeline(String caseId) {
        Document doc = cases().find(Filters.eq("_id", caseId))
                .projection(Projections.include("timeline", "version")).first();
        return Optional.ofNullable(doc).map(CaseQueries::toTimeline);
    }

    public CaseView.Page list(Filter filter, int page, int size, Instant now) {
        Bson query = query(filter, now);
        long total = onlyCountedDimensions(filter)
                ? stats(filter.step(), filter.streetCode(), filter.gridCode(), filter.itemClass()).total()
                : cases().countDocuments(query);
        List<CaseView> items = new ArrayList<>();
        for (Document d : cases().find(query).projection(Projections.exclude("timeline"))
                .sort(Sorts.orderBy(Sorts.descending("reportedAt"), Sorts.ascending("_id")))
                .skip(page * size).limit(size)) {
            items.add(toView(d, now));
        }
        return new CaseView.Page(items, page, size, total);
    }

    /** Open cases of the same item within 50 m, reported in the 30 days before {@code now}, nearest first. */
    public List<CaseView> duplicateCandidates(String caseId, String itemCode, GeoPoint point, Instant now) {
        double dLat = DUPLICATE_RADIUS_METRES * DEGREES_PER_METRE;
        double dLng = dLat / Math.cos(Math.toRadians(point.lat()));
        Bson query = Filters.and(
                Filters.eq("itemCode", itemCode),
                Filters.eq("open", true),
                Filters.ne("_id", caseId),
                Filters.gte("reportedAt", Date.from(now.minus(DUPLICATE_WINDOW))),
                Filters.gte("location.latitude", point.lat() - dLat), Filters.lte("location.latitude", point.lat() + dLat),
                Filters.gte("location.longitude", point.lng() - dLng), Filters.lte("location.longitude", point.lng() + dLng));
        List<CaseView> candidates = new ArrayList<>();
        for (Document d : cases().find(query).projection(Projections.exclude("timeline"))) {
            CaseView view = toView(d, now);
            if (distance(view, point) <= DUPLICATE_RADIUS_METRES) {
                candidates.add(view);
            }
        }
        candidates.sort(Comparator.comparingDouble(v -> distance(v, point)));
        return candidates;
    }

    public CaseStats stats(String step, String streetCode, String gridCode, String itemClass) {
        List<CaseStats.Bucket> buckets = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> e : counts.totals().entrySet()) {
            String[] d = CaseStats.dimensionsOf(e.getKey());
            long count = e.getValue();
            if (count > 0 && matches(step, d[0]) && matches(streetCode, d[1]) && matches(gridCode, d[2])
                    && matches(itemClass, d[3])) {
                buckets.add(new CaseStats.Bucket(d[0], d[1], d[2], d[3], count));
                total += count;
            }
        }
        return new CaseStats(buckets, total);
    }

    /** Whether the pre-aggregated counts answer the list's total (a filter on their four dimensions at most). */
    private static boolean onlyCountedDimensions(Filter f) {
        return f.residentialAreaCode() == null && f.itemCode() == null && f.source() == null && f.overdue() == null
                && f.suspended() == null && f.reportedFrom() == null && f.reportedTo() == null
                && (f.text() == null || f.text().isBlank());
    }

    private static boolean matches(String wanted, String value) {
        return wanted == null || wanted.equals(value);
    }

    private static Bson query(Filter f, Instant now) {
        List<Bson> filters = new ArrayList<>();
        Optional.ofNullable(f.step()).ifPresent(v -> filters.add(Filters.eq("step", v)));
        Optional.ofNullable(f.streetCode()).ifPresent(v -> filters.add(Filters.eq("streetCode", v)));
        Optional.ofNullable(f.gridCode()).ifPresent(v -> filters.add(Filters.eq("gridCode", v)));
        Optional.ofNullable(f.residentialAreaCode()).ifPresent(v -> filters.add(Filters.eq("residentialAreaCode", v)));
        Optional.ofNullable(f.itemCode()).ifPresent(v -> filters.add(Filters.eq("itemCode", v)));
        Optional.ofNullable(f.itemClass()).ifPresent(v -> filters.add(Filters.eq("itemClass", v)));
        Optional.ofNullable(f.source()).ifPresent(v -> filters.add(Filters.eq("source", v.name())));
        Optional.ofNullable(f.suspended()).ifPresent(v -> filters.add(Filters.eq("suspended", v)));
        Optional.ofNullable(f.reportedFrom()).ifPresent(v -> filters.add(Filters.gte("reportedAt", Date.from(v))));
        Optional.ofNullable(f.reportedTo()).ifPresent(v -> filters.add(Filters.lt("reportedAt", Date.from(v))));
        if (f.overdue() != null) {
            Bson overdue = Filters.and(Filters.eq("open", true), Filters.eq("suspended", false),
                    Filters.lt("deadline", Date.from(now)));
            filters.add(f.overdue() ? overdue : Filters.nor(overdue));
        }
        if (f.text() != null && !f.text().isBlank()) {
            // A quoted, case-insensitive regex: the wire server runs it as MongoDB does (it has no $text).
            Pattern pattern = Pattern.compile(Pattern.quote(f.text().trim()), Pattern.CASE_INSENSITIVE);
            filters.add(Filters.or(Filters.regex("description", pattern), Filters.regex("location.address", pattern)));
        }
        return filters.isEmpty() ? new Document() : Filters.and(filters);
    }

    private static double distance(CaseView view, GeoPoint point) {
        return point.distanceMetresTo(GeoPoint.of(view.location().latitude(), view.location().longitude()));
    }

    static CaseView toView(Document d, Instant now) {
        Document l = d.get("location", Document.class);
        CaseLocation location = l == null ? null : new CaseLocation(
                l.getDouble("latitude"), l.getDouble("longitude"), l.getString("gridCode"), l.getString("address"));
        boolean open = Boolean.TRUE.equals(d.getBoolean("open"));
        boolean suspended = Boolean.TRUE.equals(d.getBoolean("suspended"));
        Instant deadline = instant(d.getDate("deadline"));
        Document dispatch = d.get("dispatch", Document.class);
        Document handling = d.get("handling", Document.class);
        Document verification = d.get("verification", Document.class);
        Document feedback = d.get("feedback", Document.class);
        Document rejection = d.get("rejection", Document.class);
        Document suspension = d.get("suspension", Document.class);
        Number round = d.get("round", Number.class);
        return new CaseView(
                d.getString("_id"),
                d.getString("step"),
                open,
                suspended,
                open && !suspended && deadline != null && deadline.isBefore(now),
                d.getString("itemCode"),
                d.getString("itemName"),
                d.getString("itemClass"),
                d.getString("category"),
                d.getString("handlingType"),
                d.getBoolean("persistentProblem"),
                location,
                d.getString("gridCode"),
                d.getString("streetCode"),
                d.getString("residentialAreaCode"),
                d.getString("description"),
                d.getString("source") == null ? null : ReportSource.valueOf(d.getString("source")),
                instant(d.getDate("reportedAt")),
                instant(d.getDate("filedAt")),
                deadline,
                round == null ? 0 : round.intValue(),
                dispatch == null ? null : new CaseView.Dispatch(dispatch.getString("orderId"),
                        dispatch.get("round", Number.class).intValue(), dispatch.getString("leadAgencyId"),
                        dispatch.getList("assistingAgencyIds", String.class), instant(dispatch.getDate("dispatchedAt"))),
                handling == null ? null : new CaseView.Handling(handling.getString("result"),
                        Boolean.TRUE.equals(handling.getBoolean("onTime")), instant(handling.getDate("handledAt"))),
                verification == null ? null : new CaseView.Verification(Boolean.TRUE.equals(verification.getBoolean("fixed")),
                        verification.getString("note"), verification.getString("verifiedBy"),
                        instant(verification.getDate("verifiedAt"))),
                d.getString("resolution"),
                instant(d.getDate("closedAt")),
                d.getBoolean("closedOnTime"),
                feedback == null ? null : new CaseView.Feedback(feedback.getString("satisfaction"),
                        feedback.getString("comment"), instant(feedback.getDate("recordedAt"))),
                rejection == null ? null : new CaseView.Rejection(rejection.getString("reason"),
                        rejection.getString("duplicateOf"), rejection.getString("note")),
                d.getList("duplicates", String.class, List.of()),
                suspension == null ? null : new CaseView.Suspension(suspension.getString("reason"),
                        suspension.getString("approvedBy"), instant(suspension.getDate("since"))),
                instant(d.getDate("updatedAt")),
                d.get("version", Number.class).longValue());
    }

    static CaseView.Timeline toTimeline(Document d) {
        List<CaseView.TimelineEntry> entries = new ArrayList<>();
        for (Document t : d.getList("timeline", Document.class, List.of())) {
            Map<String, Object> details = new LinkedHashMap<>();
            Document raw = t.get("details", Document.class);
            if (raw != null) {
                raw.forEach((k, v) -> details.put(k, v instanceof Date date ? date.toInstant() : v));
            }
            entries.add(new CaseView.TimelineEntry(t.get("sequence", Number.class).longValue(), t.getString("event"),
                    instant(t.getDate("at")), t.getString("by"), details));
        }
        entries.sort(Comparator.comparingLong(CaseView.TimelineEntry::sequence));
        return new CaseView.Timeline(d.getString("_id"), d.get("version", Number.class).longValue(), entries);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private MongoCollection<Document> cases() {
        return mongo.getCollection(CaseProjection.COLLECTION);
    }

}
