package cn.changning.governance.assessment.projection.indicator;

import cn.changning.governance.assessment.domain.indicator.CaseFacts;
import cn.changning.governance.assessment.domain.indicator.OrderFacts;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.cases.CaseResolution;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicator read model's two collections and every field name in them, with the one mapping between the stored
 * documents and {@link OrderFacts} / {@link CaseFacts}. A document is the whole fact: the projection folds an event into
 * the stored facts with the domain's own {@code apply} and writes the result back.
 */
public final class IndicatorFactFields {

    public static final String ORDERS = "assessment_indicator_orders";
    public static final String CASES = "assessment_indicator_cases";

    public static final String ID = "_id";
    public static final String VERSION = VersionedDocuments.VERSION;

    // Orders (the _id is the order id).
    public static final String CASE_ID = "caseId";
    public static final String ROUND = "round";
    public static final String STREET_CODE = "streetCode";
    public static final String LEAD_AGENCY_ID = "leadAgencyId";
    public static final String ASSISTING_AGENCY_IDS = "assistingAgencyIds";
    public static final String REASSIGNED_TO = "reassignedTo";
    public static final String DISPATCHED_TO = "dispatchedTo";
    public static final String ISSUED_AT = "issuedAt";
    public static final String DEADLINE = "deadline";
    public static final String ON_HOLD = "onHold";
    public static final String HANDLED_AT = "handledAt";
    public static final String HANDLED_ON_TIME = "handledOnTime";
    public static final String OVERDUE_AT = "overdueAt";
    public static final String RETURNS = "returns";
    public static final String RETURN_AGENCY_ID = "agencyId";
    public static final String RETURN_COUNT = "count";
    public static final String EXTENSION_APPROVED = "extensionApproved";
    public static final String SENT_BACK_AT = "sentBackAt";
    public static final String WITHDRAWN_AT = "withdrawnAt";

    // Cases (the _id is the case id; streetCode and round as above).
    public static final String GRID_CODE = "gridCode";
    public static final String ITEM_CODE = "itemCode";
    public static final String RESIDENTIAL_AREA_CODE = "residentialAreaCode";
    public static final String LATITUDE = "latitude";
    public static final String LONGITUDE = "longitude";
    public static final String REPORTED_AT = "reportedAt";
    public static final String FILED_AT = "filedAt";
    public static final String CLOSURES = "closures";
    public static final String CLOSED_AT = "closedAt";
    public static final String ON_TIME = "onTime";
    public static final String RESOLUTION = "resolution";
    public static final String REWORK_COUNT = "reworkCount";
    public static final String REWORK_ROUNDS = "reworkRounds";
    public static final String REOPENINGS = "reopenings";
    public static final String SUSPENDED = "suspended";
    public static final String REJECTED_AT = "rejectedAt";

    private IndicatorFactFields() {
    }

    /** The order's fields, without {@code _id} and version. */
    public static Document toDocument(OrderFacts o) {
        List<Document> returns = new ArrayList<>();
        o.returns().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> returns.add(new Document(RETURN_AGENCY_ID, e.getKey()).append(RETURN_COUNT, e.getValue())));
        return new Document(CASE_ID, o.caseId())
                .append(ROUND, o.round())
                .append(STREET_CODE, o.streetCode())
                .append(LEAD_AGENCY_ID, o.leadAgencyId())
                .append(ASSISTING_AGENCY_IDS, o.assistingAgencyIds())
                .append(REASSIGNED_TO, o.reassignedTo())
                .append(DISPATCHED_TO, o.dispatchedTo())
                .append(ISSUED_AT, date(o.issuedAt()))
                .append(DEADLINE, date(o.deadline()))
                .append(ON_HOLD, o.onHold())
                .append(HANDLED_AT, date(o.handledAt()))
                .append(HANDLED_ON_TIME, o.handledOnTime())
                .append(OVERDUE_AT, date(o.overdueAt()))
                .append(RETURNS, returns)
                .append(EXTENSION_APPROVED, o.extensionApproved())
                .append(SENT_BACK_AT, date(o.sentBackAt()))
                .append(WITHDRAWN_AT, date(o.withdrawnAt()));
    }

    public static OrderFacts orderFacts(Document d) {
        Map<String, Integer> returns = new LinkedHashMap<>();
        for (Document r : d.getList(RETURNS, Document.class, List.of())) {
            returns.put(r.getString(RETURN_AGENCY_ID), r.get(RETURN_COUNT, Number.class).intValue());
        }
        return new OrderFacts(d.getString(ID), d.getString(CASE_ID), intOf(d, ROUND), d.getString(STREET_CODE),
                d.getString(LEAD_AGENCY_ID), d.getList(ASSISTING_AGENCY_IDS, String.class, List.of()),
                d.getList(REASSIGNED_TO, String.class, List.of()), d.getList(DISPATCHED_TO, String.class, List.of()),
                instant(d, ISSUED_AT), instant(d, DEADLINE), Boolean.TRUE.equals(d.getBoolean(ON_HOLD)),
                instant(d, HANDLED_AT), Boolean.TRUE.equals(d.getBoolean(HANDLED_ON_TIME)), instant(d, OVERDUE_AT),
                returns, Boolean.TRUE.equals(d.getBoolean(EXTENSION_APPROVED)), instant(d, SENT_BACK_AT),
                instant(d, WITHDRAWN_AT));
    }

    /** The case's fields, without {@code _id} and version. */
    public static Document toDocument(CaseFacts c) {
        List<Document> closures = c.closures().stream()
                .map(x -> new Document(ROUND, x.round()).append(CLOSED_AT, date(x.closedAt())).append(ON_TIME, x.onTime())
                        .append(RESOLUTION, x.resolution() == null ? null : x.resolution().name())
                        .append(REWORK_COUNT, x.reworkCount()))
                .toList();
        return new Document(STREET_CODE, c.streetCode())
                .append(GRID_CODE, c.gridCode())
                .append(ITEM_CODE, c.itemCode())
                .append(RESIDENTIAL_AREA_CODE, c.residentialAreaCode())
                .append(LATITUDE, c.latitude())
                .append(LONGITUDE, c.longitude())
                .append(REPORTED_AT, date(c.reportedAt()))
                .append(FILED_AT, date(c.filedAt()))
                .append(ROUND, c.round())
                .append(CLOSURES, closures)
                .append(REWORK_ROUNDS, c.reworkRounds())
                .append(REOPENINGS, c.reopenings())
                .append(SUSPENDED, c.suspended())
                .append(REJECTED_AT, date(c.rejectedAt()));
    }

    public static CaseFacts caseFacts(Document d) {
        List<CaseFacts.Closure> closures = new ArrayList<>();
        for (Document x : d.getList(CLOSURES, Document.class, List.of())) {
            String resolution = x.getString(RESOLUTION);
            closures.add(new CaseFacts.Closure(intOf(x, ROUND), instant(x, CLOSED_AT), Boolean.TRUE.equals(x.getBoolean(ON_TIME)),
                    resolution == null ? null : CaseResolution.valueOf(resolution), intOf(x, REWORK_COUNT)));
        }
        return new CaseFacts(d.getString(ID), d.getString(STREET_CODE), d.getString(GRID_CODE), d.getString(ITEM_CODE),
                d.getString(RESIDENTIAL_AREA_CODE), doubleOf(d, LATITUDE), doubleOf(d, LONGITUDE), instant(d, REPORTED_AT),
                instant(d, FILED_AT), intOf(d, ROUND), closures, intOf(d, REWORK_ROUNDS), intOf(d, REOPENINGS),
                Boolean.TRUE.equals(d.getBoolean(SUSPENDED)), instant(d, REJECTED_AT));
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static int intOf(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.intValue();
    }

    private static Double doubleOf(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? null : n.doubleValue();
    }
}
