package cn.changning.governance.cases.projection;

import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.ReportSource;
import cn.changning.governance.reference.geography.GeoPoint;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
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

import static cn.changning.governance.cases.projection.CaseDocument.*;

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

    /** The list's filters; null means "any". {@code open}: still in the loop (true) or ended (false). */
    public record Filter(String step, String streetCode, String gridCode, String residentialAreaCode, String itemCode,
                         String itemClass, ReportSource source, Boolean overdue, Boolean suspended,
                         Instant reportedFrom, Instant reportedTo, String text, String reportedBy, Boolean open) {

        public Filter(String step, String streetCode, String gridCode, String residentialAreaCode, String itemCode,
                      String itemClass, ReportSource source, Boolean overdue, Boolean suspended,
                      Instant reportedFrom, Instant reportedTo, String text, String reportedBy) {
            this(step, streetCode, gridCode, residentialAreaCode, itemCode, itemClass, source, overdue, suspended,
                    reportedFrom, reportedTo, text, reportedBy, null);
        }
    }

    public void ensureIndexes() {
        try {
            MongoCollection<Document> cases = cases();
            for (String field : List.of(STEP, STREET_CODE, GRID_CODE, RESIDENTIAL_AREA_CODE, ITEM_CLASS, SOURCE,
                    REPORTED_AT, REPORTED_BY)) {
                cases.createIndex(Indexes.ascending(field));
            }
            cases.createIndex(Indexes.ascending(OPEN, DEADLINE));
            cases.createIndex(Indexes.ascending(ITEM_CODE, OPEN, REPORTED_AT));
            cases.createIndex(Indexes.ascending(REPORTED_BY, UPDATED_AT));
        } catch (RuntimeException e) {
            // Indexes speed queries up and change no result: a store that refuses one must not stop the service.
            log.warn("could not declare read-model indexes: {}", e.toString());
        }
    }

    public Optional<CaseView> findCase(String caseId, Instant now) {
        Document doc = cases().find(Filters.eq(ID, caseId)).projection(Projections.exclude(TIMELINE)).first();
        return Optional.ofNullable(doc).map(d -> toView(d, now));
    }

    /** The case's reporter, sealed; empty when the read model has no such case (yet). */
    public Optional<ReporterState> reporter(String caseId) {
        Document doc = cases().find(Filters.eq(ID, caseId)).projection(Projections.include(REPORTER)).first();
        return Optional.ofNullable(doc).map(ReporterState::of);
    }

    public Optional<CaseView.Timeline> timeline(String caseId) {
        Document doc = cases().find(Filters.eq(ID, caseId))
                .projection(Projections.include(TIMELINE, VERSION)).first();
        return Optional.ofNullable(doc).map(CaseQueries::toTimeline);
    }

    public Page<CaseView> list(Filter filter, PageQuery page, Instant now) {
        Bson query = query(filter, now);
        long total = onlyCountedDimensions(filter)
                ? stats(filter.step(), filter.streetCode(), filter.gridCode(), filter.itemClass()).total()
                : cases().countDocuments(query);
        List<CaseView> items = new ArrayList<>();
        for (Document d : cases().find(query).projection(Projections.exclude(TIMELINE))
                .sort(Sorts.orderBy(Sorts.descending(REPORTED_AT), Sorts.ascending(ID)))
                .skip((int) page.offset()).limit(page.size())) {
            items.add(toView(d, now));
        }
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** At most {@code limit} cases, newest report first: one read for a caller that takes no pages (Open311). */
    public List<CaseView> newest(Filter filter, int limit, Instant now) {
        List<CaseView> items = new ArrayList<>();
        for (Document d : cases().find(query(filter, now)).projection(Projections.exclude(TIMELINE))
                .sort(Sorts.orderBy(Sorts.descending(REPORTED_AT), Sorts.ascending(ID))).limit(limit)) {
            items.add(toView(d, now));
        }
        return items;
    }

    /**
     * The timelines of a client's cases changed at or after {@code since} (their last event; so every case with an
     * event since is among them), at most {@code limit}, the least recently changed first. One indexed read: the
     * updates feed never scans the event store.
     */
    public List<CaseView.Timeline> timelinesChangedSince(String reportedBy, Instant since, int limit) {
        List<CaseView.Timeline> timelines = new ArrayList<>();
        for (Document d : cases().find(Filters.and(Filters.eq(REPORTED_BY, reportedBy), Filters.gte(UPDATED_AT, Date.from(since))))
                .projection(Projections.include(TIMELINE, VERSION))
                .sort(Sorts.orderBy(Sorts.ascending(UPDATED_AT), Sorts.ascending(ID))).limit(limit)) {
            timelines.add(toTimeline(d));
        }
        return timelines;
    }

    /** Open cases of the same item within 50 m, reported in the 30 days before {@code now}, nearest first. */
    public List<CaseView> duplicateCandidates(String caseId, String itemCode, GeoPoint point, Instant now) {
        double dLat = DUPLICATE_RADIUS_METRES * DEGREES_PER_METRE;
        double dLng = dLat / Math.cos(Math.toRadians(point.lat()));
        String lat = path(LOCATION, Location.LATITUDE);
        String lng = path(LOCATION, Location.LONGITUDE);
        Bson query = Filters.and(
                Filters.eq(ITEM_CODE, itemCode),
                Filters.eq(OPEN, true),
                Filters.ne(ID, caseId),
                Filters.gte(REPORTED_AT, Date.from(now.minus(DUPLICATE_WINDOW))),
                Filters.gte(lat, point.lat() - dLat), Filters.lte(lat, point.lat() + dLat),
                Filters.gte(lng, point.lng() - dLng), Filters.lte(lng, point.lng() + dLng));
        List<CaseView> candidates = new ArrayList<>();
        for (Document d : cases().find(query).projection(Projections.exclude(TIMELINE))) {
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
                && f.reportedBy() == null && f.open() == null
                && f.suspended() == null && f.reportedFrom() == null && f.reportedTo() == null
                && (f.text() == null || f.text().isBlank());
    }

    private static boolean matches(String wanted, String value) {
        return wanted == null || wanted.equals(value);
    }

    private static Bson query(Filter f, Instant now) {
        List<Bson> filters = new ArrayList<>();
        Optional.ofNullable(f.step()).ifPresent(v -> filters.add(Filters.eq(STEP, v)));
        Optional.ofNullable(f.streetCode()).ifPresent(v -> filters.add(Filters.eq(STREET_CODE, v)));
        Optional.ofNullable(f.gridCode()).ifPresent(v -> filters.add(Filters.eq(GRID_CODE, v)));
        Optional.ofNullable(f.residentialAreaCode()).ifPresent(v -> filters.add(Filters.eq(RESIDENTIAL_AREA_CODE, v)));
        Optional.ofNullable(f.itemCode()).ifPresent(v -> filters.add(Filters.eq(ITEM_CODE, v)));
        Optional.ofNullable(f.itemClass()).ifPresent(v -> filters.add(Filters.eq(ITEM_CLASS, v)));
        Optional.ofNullable(f.source()).ifPresent(v -> filters.add(Filters.eq(SOURCE, v.name())));
        Optional.ofNullable(f.reportedBy()).ifPresent(v -> filters.add(Filters.eq(REPORTED_BY, v)));
        Optional.ofNullable(f.suspended()).ifPresent(v -> filters.add(Filters.eq(SUSPENDED, v)));
        Optional.ofNullable(f.open()).ifPresent(v -> filters.add(Filters.eq(OPEN, v)));
        Optional.ofNullable(f.reportedFrom()).ifPresent(v -> filters.add(Filters.gte(REPORTED_AT, Date.from(v))));
        Optional.ofNullable(f.reportedTo()).ifPresent(v -> filters.add(Filters.lt(REPORTED_AT, Date.from(v))));
        if (f.overdue() != null) {
            Bson overdue = Filters.and(Filters.eq(OPEN, true), Filters.eq(SUSPENDED, false),
                    Filters.lt(DEADLINE, Date.from(now)));
            filters.add(f.overdue() ? overdue : Filters.nor(overdue));
        }
        if (f.text() != null && !f.text().isBlank()) {
            // A quoted, case-insensitive regex: the wire server runs it as MongoDB does (it has no $text).
            Pattern pattern = Pattern.compile(Pattern.quote(f.text().trim()), Pattern.CASE_INSENSITIVE);
            filters.add(Filters.or(Filters.regex(DESCRIPTION, pattern),
                    Filters.regex(path(LOCATION, Location.ADDRESS), pattern)));
        }
        return filters.isEmpty() ? new Document() : Filters.and(filters);
    }

    private static double distance(CaseView view, GeoPoint point) {
        return point.distanceMetresTo(GeoPoint.of(view.location().latitude(), view.location().longitude()));
    }

    static CaseView toView(Document d, Instant now) {
        Document l = d.get(LOCATION, Document.class);
        CaseLocation location = l == null ? null : new CaseLocation(l.getDouble(Location.LATITUDE),
                l.getDouble(Location.LONGITUDE), l.getString(Location.GRID_CODE), l.getString(Location.ADDRESS));
        boolean open = Boolean.TRUE.equals(d.getBoolean(OPEN));
        boolean suspended = Boolean.TRUE.equals(d.getBoolean(SUSPENDED));
        Instant deadline = instant(d.getDate(DEADLINE));
        Document dispatch = d.get(DISPATCH, Document.class);
        Document handling = d.get(HANDLING, Document.class);
        Document verification = d.get(VERIFICATION, Document.class);
        Document feedback = d.get(FEEDBACK, Document.class);
        Document rejection = d.get(REJECTION, Document.class);
        Document suspension = d.get(SUSPENSION, Document.class);
        Number round = d.get(ROUND, Number.class);
        return new CaseView(
                d.getString(ID),
                d.getString(STEP),
                open,
                suspended,
                open && !suspended && deadline != null && deadline.isBefore(now),
                d.getString(ITEM_CODE),
                d.getString(ITEM_NAME),
                d.getString(ITEM_CLASS),
                d.getString(CATEGORY),
                d.getString(HANDLING_TYPE),
                d.getBoolean(PERSISTENT_PROBLEM),
                location,
                d.getString(GRID_CODE),
                d.getString(STREET_CODE),
                d.getString(RESIDENTIAL_AREA_CODE),
                d.getString(DESCRIPTION),
                d.getString(SOURCE) == null ? null : ReportSource.valueOf(d.getString(SOURCE)),
                instant(d.getDate(REPORTED_AT)),
                d.getString(REPORTED_BY),
                instant(d.getDate(FILED_AT)),
                deadline,
                round == null ? 0 : round.intValue(),
                dispatch == null ? null : new CaseView.Dispatch(dispatch.getString(Dispatch.ORDER_ID),
                        dispatch.get(Dispatch.ROUND, Number.class).intValue(), dispatch.getString(Dispatch.LEAD_AGENCY_ID),
                        dispatch.getList(Dispatch.ASSISTING_AGENCY_IDS, String.class),
                        instant(dispatch.getDate(Dispatch.DISPATCHED_AT))),
                handling == null ? null : new CaseView.Handling(handling.getString(Handling.RESULT),
                        Boolean.TRUE.equals(handling.getBoolean(Handling.ON_TIME)),
                        instant(handling.getDate(Handling.HANDLED_AT))),
                verification == null ? null : new CaseView.Verification(
                        Boolean.TRUE.equals(verification.getBoolean(Verification.FIXED)),
                        verification.getString(Verification.NOTE), verification.getString(Verification.VERIFIED_BY),
                        instant(verification.getDate(Verification.VERIFIED_AT))),
                d.getString(RESOLUTION),
                instant(d.getDate(CLOSED_AT)),
                d.getBoolean(CLOSED_ON_TIME),
                feedback == null ? null : new CaseView.Feedback(feedback.getString(Feedback.SATISFACTION),
                        feedback.getString(Feedback.COMMENT), instant(feedback.getDate(Feedback.RECORDED_AT))),
                rejection == null ? null : new CaseView.Rejection(rejection.getString(Rejection.REASON),
                        rejection.getString(Rejection.DUPLICATE_OF), rejection.getString(Rejection.NOTE)),
                d.getList(DUPLICATES, String.class, List.of()),
                suspension == null ? null : new CaseView.Suspension(suspension.getString(Suspension.REASON),
                        suspension.getString(Suspension.APPROVED_BY), instant(suspension.getDate(Suspension.SINCE))),
                instant(d.getDate(UPDATED_AT)),
                d.get(VERSION, Number.class).longValue());
    }

    static CaseView.Timeline toTimeline(Document d) {
        List<CaseView.TimelineEntry> entries = new ArrayList<>();
        for (Document t : d.getList(TIMELINE, Document.class, List.of())) {
            Map<String, Object> details = new LinkedHashMap<>();
            Document raw = t.get(Timeline.DETAILS, Document.class);
            if (raw != null) {
                raw.forEach((k, v) -> details.put(k, v instanceof Date date ? date.toInstant() : v));
            }
            entries.add(new CaseView.TimelineEntry(t.get(Timeline.SEQUENCE, Number.class).longValue(),
                    t.getString(Timeline.EVENT), instant(t.getDate(Timeline.AT)), t.getString(Timeline.BY), details));
        }
        entries.sort(Comparator.comparingLong(CaseView.TimelineEntry::sequence));
        return new CaseView.Timeline(d.getString(ID), d.get(VERSION, Number.class).longValue(), entries);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private MongoCollection<Document> cases() {
        return mongo.getCollection(COLLECTION);
    }

}
