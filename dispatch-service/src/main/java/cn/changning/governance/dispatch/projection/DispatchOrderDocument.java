package cn.changning.governance.dispatch.projection;

import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.dispatch.AgencyRole;
import cn.changning.governance.dispatch.domain.PartState;
import cn.changning.governance.dispatch.projection.DispatchViews.HistoryEntry;
import cn.changning.governance.dispatch.projection.DispatchViews.OrderDetail;
import cn.changning.governance.dispatch.projection.DispatchViews.OrderSummary;
import cn.changning.governance.dispatch.projection.DispatchViews.Part;
import cn.changning.governance.dispatch.projection.DispatchViews.PendingExtension;
import cn.changning.governance.dispatch.projection.DispatchViews.Report;
import cn.changning.governance.dispatch.projection.DispatchViews.Return;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The {@value #COLLECTION} read model, one document per dispatch order: its field names (the
 * projection writes them, the queries filter on them, nothing else spells them) and how a document
 * reads as the API's views.
 */
public final class DispatchOrderDocument {

    public static final String COLLECTION = "dispatch_orders";

    public static final String ID = "_id";
    /** The sequence number of the last event applied (see {@link VersionedDocuments}). */
    public static final String VERSION = VersionedDocuments.VERSION;
    public static final String CASE_ID = "caseId";
    public static final String ROUND = "round";
    public static final String ITEM_CODE = "itemCode";
    public static final String ITEM_CLASS = "itemClass";
    public static final String HANDLING_TYPE = "handlingType";
    public static final String PERSISTENT_PROBLEM = "persistentProblem";
    public static final String STREET_CODE = "streetCode";
    public static final String GRID_CODE = "gridCode";
    public static final String LEAD_AGENCY_ID = "leadAgencyId";
    public static final String LEAD_AGENCY_TYPE = "leadAgencyType";
    public static final String JOINT_TASK = "jointTask";
    /** The centre that follows the order up: STREET or DISTRICT. */
    public static final String FOLLOWED_UP_BY = "followedUpBy";
    /** {@link OrderState}, derived from the rest after every event. */
    public static final String STATE = "state";
    /** Lead and assisting agencies now on the order ({@link PartField}). */
    public static final String PARTS = "parts";
    /** The agencies of {@link #PARTS}, for the queues' filter. */
    public static final String AGENCY_IDS = "agencyIds";
    /**
     * The order's places in the agencies' work queues while it is open, {@code "<agencyId>|<QueueBucket>"} per part
     * (empty once handled): the queue's filter and page come from this one indexed array.
     */
    public static final String QUEUE_ENTRIES = "queueEntries";
    /** Every agency that ever had a part, including those that returned it and were replaced. */
    public static final String INVOLVED_AGENCY_IDS = "involvedAgencyIds";
    public static final String ACCEPTED_BY = "acceptedBy";
    public static final String LEAD_ACCEPTED_AT = "leadAcceptedAt";
    public static final String ISSUED_AT = "issuedAt";
    public static final String STARTED_AT = "startedAt";
    public static final String WARNING_AT = "warningAt";
    public static final String DEADLINE = "deadline";
    public static final String DUE_SOON = "dueSoon";
    public static final String OVERDUE = "overdue";
    public static final String ESCALATED = "escalated";
    /** Returns in order ({@link ReturnField}). */
    public static final String RETURNS = "returns";
    public static final String RETURN_COUNT = "returnCount";
    /** The lead's handling report ({@link ReportField}). */
    public static final String REPORT = "report";
    public static final String HANDLED = "handled";
    public static final String HANDLED_AT = "handledAt";
    public static final String ON_TIME = "onTime";
    /** An extension asked for and not yet decided ({@link ExtensionField}). */
    public static final String PENDING_EXTENSION = "pendingExtension";
    public static final String EXTENSIONS_REQUESTED = "extensionsRequested";
    public static final String EXTENSIONS_APPROVED = "extensionsApproved";
    /** True while the case is on hold and the order's clock stopped: then it shows as neither due soon nor overdue. */
    public static final String PAUSED = "paused";
    /** When the current hold began; absent once the clock runs again. */
    public static final String PAUSED_AT = "pausedAt";
    /** Why the order was withdrawn (a {@code WithdrawalReason}); absent unless it was. */
    public static final String WITHDRAWAL_REASON = "withdrawalReason";
    public static final String WITHDRAWN_AT = "withdrawnAt";
    /** True while a return referred to the street's binding arbitration awaits its decision. */
    public static final String REFERRED_TO_ARBITRATION = "referredToArbitration";
    /** Agencies the street's binding arbitration holds to the order (they cannot return it for the reasons it settled). */
    public static final String BOUND_AGENCY_IDS = "boundAgencyIds";
    /** Set when the case was sent back for rework: the round that replaced this order. */
    public static final String REWORKED_IN_ROUND = "reworkedInRound";
    /** One entry per event applied ({@link HistoryField}). */
    public static final String HISTORY = "history";

    /** The fields of an entry of {@link #PARTS}. */
    public static final class PartField {
        public static final String AGENCY_ID = "agencyId";
        public static final String AGENCY_TYPE = "agencyType";
        public static final String ROLE = "role";
        public static final String STATE = "state";

        private PartField() {
        }
    }

    /** The fields of an entry of {@link #RETURNS}. */
    public static final class ReturnField {
        public static final String AGENCY_ID = "agencyId";
        public static final String ROLE = "role";
        public static final String REASON = "reason";
        public static final String NOTE = "note";
        public static final String AT = "at";
        /** The agency the street's arbitration passed the part to (the same one when it upheld the dispatch). */
        public static final String PASSED_TO = "passedTo";
        /** REASSIGNED or UPHELD; absent while the return awaits arbitration. */
        public static final String OUTCOME = "outcome";

        private ReturnField() {
        }
    }

    /** The fields of {@link #REPORT}. */
    public static final class ReportField {
        public static final String AGENCY_ID = "agencyId";
        public static final String RESULT = "result";
        public static final String NOTE = "note";
        public static final String PHOTO_URLS = "photoUrls";
        public static final String AT = "at";

        private ReportField() {
        }
    }

    /** The fields of {@link #PENDING_EXTENSION}. */
    public static final class ExtensionField {
        public static final String AGENCY_ID = "agencyId";
        public static final String REASON = "reason";
        public static final String REQUESTED_DEADLINE = "requestedDeadline";
        public static final String REQUESTED_AT = "requestedAt";

        private ExtensionField() {
        }
    }

    /** The fields of an entry of {@link #HISTORY}. */
    public static final class HistoryField {
        public static final String SEQUENCE = "sequence";
        public static final String EVENT = "event";
        public static final String AT = "at";
        public static final String AGENCY_ID = "agencyId";
        public static final String SUMMARY = "summary";

        private HistoryField() {
        }
    }

    private DispatchOrderDocument() {
    }

    /** The dotted path of a field inside a sub-document, for filters. */
    public static String path(String field, String subField) {
        return field + "." + subField;
    }

    static OrderSummary summary(Document d) {
        List<Part> parts = d.getList(PARTS, Document.class, List.of()).stream()
                .map(p -> new Part(p.getString(PartField.AGENCY_ID), p.getString(PartField.AGENCY_TYPE),
                        p.getString(PartField.ROLE), p.getString(PartField.STATE)))
                .toList();
        OrderState state = OrderState.valueOf(d.getString(STATE));
        return new OrderSummary(d.getString(ID), d.getString(CASE_ID), d.getInteger(ROUND, 0), d.getString(ITEM_CODE),
                d.getString(STREET_CODE), d.getString(GRID_CODE), d.getString(LEAD_AGENCY_ID), d.getString(LEAD_AGENCY_TYPE),
                parts, state, isTrue(d, JOINT_TASK), isTrue(d, PERSISTENT_PROBLEM),
                instant(d, ISSUED_AT), instant(d, WARNING_AT), instant(d, DEADLINE),
                // A paused clock stands still: the order is neither due soon nor overdue while the case is on hold.
                isTrue(d, DUE_SOON) && !isTrue(d, PAUSED), isTrue(d, OVERDUE) && state.isOpen() && !isTrue(d, PAUSED),
                d.getString(FOLLOWED_UP_BY), d.getInteger(RETURN_COUNT, 0), isTrue(d, PAUSED), instant(d, PAUSED_AT),
                d.get(VERSION, Number.class).longValue());
    }

    static OrderDetail detail(Document d) {
        Document r = d.get(REPORT, Document.class);
        Document x = d.get(PENDING_EXTENSION, Document.class);
        return new OrderDetail(summary(d), d.getString(HANDLING_TYPE), d.getString(ITEM_CLASS),
                instant(d, STARTED_AT), instant(d, HANDLED_AT), d.getBoolean(ON_TIME),
                d.getString(WITHDRAWAL_REASON), instant(d, WITHDRAWN_AT), isTrue(d, REFERRED_TO_ARBITRATION),
                d.getList(BOUND_AGENCY_IDS, String.class, List.of()),
                r == null ? null : new Report(r.getString(ReportField.AGENCY_ID), r.getString(ReportField.RESULT),
                        r.getString(ReportField.NOTE), r.getList(ReportField.PHOTO_URLS, String.class, List.of()),
                        instant(r, ReportField.AT)),
                x == null ? null : new PendingExtension(x.getString(ExtensionField.AGENCY_ID), x.getString(ExtensionField.REASON),
                        instant(x, ExtensionField.REQUESTED_DEADLINE), instant(x, ExtensionField.REQUESTED_AT)),
                d.getList(RETURNS, Document.class, List.of()).stream().map(e -> new Return(e.getString(ReturnField.AGENCY_ID),
                        e.getString(ReturnField.ROLE), e.getString(ReturnField.REASON), e.getString(ReturnField.NOTE),
                        instant(e, ReturnField.AT), e.getString(ReturnField.OUTCOME), e.getString(ReturnField.PASSED_TO))).toList(),
                d.getList(HISTORY, Document.class, List.of()).stream().map(h -> new HistoryEntry(
                        h.get(HistoryField.SEQUENCE, Number.class).longValue(), h.getString(HistoryField.EVENT),
                        instant(h, HistoryField.AT), h.getString(HistoryField.AGENCY_ID), h.getString(HistoryField.SUMMARY))).toList());
    }

    /** The order's state, derived from what its document holds. */
    static OrderState state(Document o) {
        if (o.get(WITHDRAWAL_REASON) != null) {
            return OrderState.WITHDRAWN;
        }
        if (o.get(REWORKED_IN_ROUND) != null) {
            return OrderState.REWORKED;
        }
        if (isTrue(o, HANDLED)) {
            return OrderState.HANDLED;
        }
        List<Document> parts = o.getList(PARTS, Document.class, List.of());
        if (parts.stream().anyMatch(p -> PartState.RETURNED.name().equals(p.getString(PartField.STATE)))) {
            return OrderState.AWAITING_ARBITRATION;
        }
        if (o.get(REPORT) != null) {
            return OrderState.AWAITING_CONFIRMATION;
        }
        boolean leadAccepted = parts.stream().anyMatch(p -> AgencyRole.LEAD.name().equals(p.getString(PartField.ROLE))
                && PartState.ACCEPTED.name().equals(p.getString(PartField.STATE)));
        return leadAccepted ? OrderState.IN_PROGRESS : OrderState.AWAITING_ACCEPTANCE;
    }

    /** An agency's place in its queue, as {@link #QUEUE_ENTRIES} holds it. */
    public static String queueEntry(String agencyId, QueueBucket bucket) {
        return agencyId + "|" + bucket.name();
    }

    /** The order's {@link #QUEUE_ENTRIES}, derived from its state, parts and clock flags. */
    static List<String> queueEntries(Document d) {
        if (d.getString(STATE) == null || !OrderState.valueOf(d.getString(STATE)).isOpen()) {
            return List.of();
        }
        return d.getList(PARTS, Document.class, List.of()).stream()
                .map(p -> queueEntry(p.getString(PartField.AGENCY_ID), queueBucket(d, p.getString(PartField.AGENCY_ID))))
                .toList();
    }

    /** The bucket of an agency's part of an open order. */
    static QueueBucket queueBucket(Document d, String agencyId) {
        String partState = d.getList(PARTS, Document.class, List.of()).stream()
                .filter(p -> agencyId.equals(p.getString(PartField.AGENCY_ID)))
                .map(p -> p.getString(PartField.STATE)).findFirst().orElseThrow();
        return QueueBucket.of(partState, isTrue(d, DUE_SOON) && !isTrue(d, PAUSED), isTrue(d, OVERDUE) && !isTrue(d, PAUSED));
    }

    static boolean isTrue(Document d, String field) {
        return Boolean.TRUE.equals(d.getBoolean(field));
    }

    static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
