package cn.changning.governance.dispatch.projection;

import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.contracts.dispatch.AgencyRole;
import cn.changning.governance.contracts.dispatch.DispatchOrderAccepted;
import cn.changning.governance.contracts.dispatch.DispatchOrderArbitrated;
import cn.changning.governance.contracts.dispatch.DispatchOrderAssistanceConfirmed;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockPaused;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockResumed;
import cn.changning.governance.contracts.dispatch.DispatchOrderDueSoon;
import cn.changning.governance.contracts.dispatch.DispatchOrderEscalated;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionApproved;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionRefused;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionRequested;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandlingReported;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import cn.changning.governance.contracts.dispatch.DispatchOrderOverdue;
import cn.changning.governance.contracts.dispatch.DispatchOrderReassigned;
import cn.changning.governance.contracts.dispatch.DispatchOrderReferredToArbitration;
import cn.changning.governance.contracts.dispatch.DispatchOrderReissued;
import cn.changning.governance.contracts.dispatch.DispatchOrderReturned;
import cn.changning.governance.contracts.dispatch.DispatchOrderRouted;
import cn.changning.governance.contracts.dispatch.DispatchOrderSentBackForRework;
import cn.changning.governance.contracts.dispatch.DispatchOrderTimerStarted;
import cn.changning.governance.contracts.dispatch.DispatchOrderWithdrawn;
import cn.changning.governance.dispatch.domain.PartState;
import cn.changning.governance.dispatch.metrics.DispatchMetrics;
import cn.changning.governance.dispatch.projection.DispatchOrderDocument.ExtensionField;
import cn.changning.governance.dispatch.projection.DispatchOrderDocument.HistoryField;
import cn.changning.governance.dispatch.projection.DispatchOrderDocument.PartField;
import cn.changning.governance.dispatch.projection.DispatchOrderDocument.ReportField;
import cn.changning.governance.dispatch.projection.DispatchOrderDocument.ReturnField;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static cn.changning.governance.dispatch.projection.DispatchOrderDocument.*;

/**
 * What each dispatch event changes in an order's document, and what it tells the business
 * metrics. The metrics are handed back as observations for the projection to record once the
 * batch is written, so a batch that fails and is retried does not count twice.
 */
class DispatchOrderChanges {

    /** One event being applied: the order, its history line, and the metrics it will record. */
    static final class Applying {
        final Document o;
        final List<Consumer<DispatchMetrics>> observations;
        Instant at;
        String agency;
        String summary;

        Applying(Document o, List<Consumer<DispatchMetrics>> observations) {
            this.o = o;
            this.observations = observations;
        }
    }

    private final EventRouter<Applying> router;
    private final AgencyDirectory agencies;

    DispatchOrderChanges(ObjectMapper objectMapper, AgencyDirectory agencies) {
        this.agencies = agencies;
        this.router = EventRouter.using(objectMapper, Applying.class)
                .on(DispatchOrderIssued.class, this::issued)
                .on(DispatchOrderRouted.class, this::routed)
                .on(DispatchOrderTimerStarted.class, this::timerStarted)
                .on(DispatchOrderAccepted.class, this::accepted)
                .on(DispatchOrderReturned.class, this::returned)
                .on(DispatchOrderReassigned.class, this::reassigned)
                .on(DispatchOrderReissued.class, this::reissued)
                .on(DispatchOrderHandlingReported.class, this::handlingReported)
                .on(DispatchOrderAssistanceConfirmed.class, this::assistanceConfirmed)
                .on(DispatchOrderHandled.class, this::handled)
                .on(DispatchOrderExtensionRequested.class, this::extensionRequested)
                .on(DispatchOrderExtensionApproved.class, this::extensionApproved)
                .on(DispatchOrderExtensionRefused.class, this::extensionRefused)
                .on(DispatchOrderDueSoon.class, this::dueSoon)
                .on(DispatchOrderOverdue.class, this::overdue)
                .on(DispatchOrderEscalated.class, this::escalated)
                .on(DispatchOrderSentBackForRework.class, this::sentBackForRework)
                .on(DispatchOrderClockPaused.class, this::clockPaused)
                .on(DispatchOrderClockResumed.class, this::clockResumed)
                .on(DispatchOrderWithdrawn.class, this::withdrawn)
                .on(DispatchOrderReferredToArbitration.class, this::referredToArbitration)
                .on(DispatchOrderArbitrated.class, this::arbitrated);
    }

    /**
     * Applies the event to the order's document: its own change, a history line, the derived
     * fields ({@link DispatchOrderDocument#STATE}, {@link DispatchOrderDocument#AGENCY_IDS}) and its
     * version. An event this view does not know is kept in the history by its type.
     */
    void apply(Document o, EventRecord event, List<Consumer<DispatchMetrics>> observations) {
        Applying a = new Applying(o, observations);
        String name = event.eventName() == null ? event.type() : event.eventName();
        if (!router.route(a, event)) {
            a.at = event.time();
            a.summary = name;
        }
        o.getList(HISTORY, Document.class).add(new Document(HistoryField.SEQUENCE, event.sequence())
                .append(HistoryField.EVENT, name).append(HistoryField.AT, date(a.at))
                .append(HistoryField.AGENCY_ID, a.agency).append(HistoryField.SUMMARY, a.summary));
        o.put(AGENCY_IDS, agencyIds(o));
        o.put(VERSION, event.sequence());
        o.put(STATE, state(o).name());
    }

    /** Whether this event can start an order's document (the issue event is an order's first). */
    boolean starts(EventRecord event) {
        return DispatchOrderIssued.class.getSimpleName().equals(event.eventName());
    }

    private void issued(Applying a, EventRecord record, DispatchOrderIssued e) {
        a.o.put(CASE_ID, e.caseId());
        a.o.put(ROUND, e.round());
        a.o.put(STREET_CODE, e.streetCode());
        a.o.put(LEAD_AGENCY_ID, e.leadAgencyId());
        a.o.put(ISSUED_AT, date(e.issuedAt()));
        a.o.put(DEADLINE, date(e.deadline()));
        List<Document> parts = new ArrayList<>();
        parts.add(part(e.leadAgencyId(), AgencyRole.LEAD));
        e.assistingAgencyIds().forEach(assistant -> parts.add(part(assistant, AgencyRole.ASSIST)));
        a.o.put(PARTS, parts);
        a.o.put(INVOLVED_AGENCY_IDS, new ArrayList<>(agencyIds(a.o)));
        a.o.put(RETURNS, new ArrayList<Document>());
        a.o.put(HISTORY, new ArrayList<Document>());
        a.o.put(RETURN_COUNT, 0);
        a.o.put(EXTENSIONS_REQUESTED, 0);
        a.o.put(EXTENSIONS_APPROVED, 0);
        a.o.put(DUE_SOON, false);
        a.o.put(OVERDUE, false);
        a.o.put(ESCALATED, false);
        a.o.put(PAUSED, false);
        a.o.put(ACCEPTED_BY, new ArrayList<String>());
        a.at = e.issuedAt();
        a.agency = e.leadAgencyId();
        a.summary = "issued to " + e.leadAgencyId() + (e.assistingAgencyIds().isEmpty() ? "" : " with " + e.assistingAgencyIds());
    }

    private void routed(Applying a, EventRecord record, DispatchOrderRouted e) {
        a.o.put(ITEM_CODE, e.itemCode());
        a.o.put(ITEM_CLASS, e.itemClass());
        a.o.put(HANDLING_TYPE, e.handlingType());
        a.o.put(PERSISTENT_PROBLEM, e.persistentProblem());
        a.o.put(GRID_CODE, e.gridCode());
        a.o.put(LEAD_AGENCY_TYPE, e.leadAgencyType());
        a.o.put(JOINT_TASK, e.jointTask());
        a.o.put(FOLLOWED_UP_BY, e.followedUpBy().name());
        a.at = record.time();
        a.summary = "routed by item " + e.itemCode() + ", handling type " + e.handlingType();
    }

    private void timerStarted(Applying a, EventRecord record, DispatchOrderTimerStarted e) {
        a.o.put(STARTED_AT, date(e.startedAt()));
        a.o.put(WARNING_AT, date(e.warningAt()));
        a.o.put(DEADLINE, date(e.deadline()));
        a.at = e.startedAt();
        a.summary = "clock started, due " + e.deadline();
    }

    private void accepted(Applying a, EventRecord record, DispatchOrderAccepted e) {
        setPart(a.o, e.agencyId(), PartState.ACCEPTED);
        List<String> acceptedBy = a.o.getList(ACCEPTED_BY, String.class);
        if (!acceptedBy.contains(e.agencyId())) {
            acceptedBy.add(e.agencyId());
        }
        if (e.role() == AgencyRole.LEAD && a.o.get(LEAD_ACCEPTED_AT) == null) {
            a.o.put(LEAD_ACCEPTED_AT, date(e.acceptedAt()));
            String leadType = a.o.getString(LEAD_AGENCY_TYPE);
            Duration sinceIssued = Duration.between(issuedAt(a.o), e.acceptedAt());
            a.observations.add(metrics -> metrics.accepted(leadType, sinceIssued));
        }
        a.at = e.acceptedAt();
        a.agency = e.agencyId();
        a.summary = e.agencyId() + " accepted (" + e.role() + ")";
    }

    private void returned(Applying a, EventRecord record, DispatchOrderReturned e) {
        setPart(a.o, e.agencyId(), PartState.RETURNED);
        a.o.put(RETURN_COUNT, e.returnCount());
        a.o.getList(RETURNS, Document.class).add(new Document(ReturnField.AGENCY_ID, e.agencyId())
                .append(ReturnField.ROLE, e.role().name()).append(ReturnField.REASON, e.reason().name())
                .append(ReturnField.NOTE, e.note()).append(ReturnField.AT, date(e.returnedAt()))
                .append(ReturnField.PASSED_TO, null));
        String type = agencyType(e.agencyId());
        String street = a.o.getString(STREET_CODE);
        a.observations.add(metrics -> metrics.returned(type, e.reason().name(), street));
        a.at = e.returnedAt();
        a.agency = e.agencyId();
        a.summary = e.agencyId() + " returned it: " + e.reason() + (e.note() == null ? "" : " (" + e.note() + ")");
    }

    private void reassigned(Applying a, EventRecord record, DispatchOrderReassigned e) {
        List<Document> parts = a.o.getList(PARTS, Document.class);
        parts.removeIf(p -> p.getString(PartField.AGENCY_ID).equals(e.fromAgencyId()));
        parts.add(part(e.toAgencyId(), e.role()));
        if (e.role() == AgencyRole.LEAD) {
            a.o.put(LEAD_AGENCY_ID, e.toAgencyId());
            a.o.put(LEAD_AGENCY_TYPE, agencyType(e.toAgencyId()));
        }
        List<String> involved = a.o.getList(INVOLVED_AGENCY_IDS, String.class);
        if (!involved.contains(e.toAgencyId())) {
            involved.add(e.toAgencyId());
        }
        lastOpenReturnOf(a.o, e.fromAgencyId()).append(ReturnField.PASSED_TO, e.toAgencyId()).append(ReturnField.OUTCOME, "REASSIGNED");
        // buck-passing: which kind of agency handed the part to which (types, not ids: bounded)
        String fromType = agencyType(e.fromAgencyId());
        String toType = agencyType(e.toAgencyId());
        String street = a.o.getString(STREET_CODE);
        a.observations.add(metrics -> metrics.reassigned(fromType, toType, street));
        a.at = e.reassignedAt();
        a.agency = e.fromAgencyId();
        a.summary = "street (" + e.arbitratedBy() + ") reassigned " + e.role() + " part from " + e.fromAgencyId() + " to " + e.toAgencyId();
    }

    private void reissued(Applying a, EventRecord record, DispatchOrderReissued e) {
        setPart(a.o, e.agencyId(), PartState.AWAITING_ACCEPTANCE);
        lastOpenReturnOf(a.o, e.agencyId()).append(ReturnField.PASSED_TO, e.agencyId()).append(ReturnField.OUTCOME, "UPHELD");
        a.at = e.reissuedAt();
        a.agency = e.agencyId();
        a.summary = "street (" + e.arbitratedBy() + ") upheld the dispatch to " + e.agencyId();
    }

    private void handlingReported(Applying a, EventRecord record, DispatchOrderHandlingReported e) {
        setPart(a.o, e.agencyId(), PartState.DONE);
        a.o.put(REPORT, new Document(ReportField.AGENCY_ID, e.agencyId()).append(ReportField.RESULT, e.result())
                .append(ReportField.NOTE, e.note()).append(ReportField.PHOTO_URLS, e.photoUrls())
                .append(ReportField.AT, date(e.reportedAt())));
        a.at = e.reportedAt();
        a.agency = e.agencyId();
        a.summary = e.agencyId() + " reported " + e.result();
    }

    private void assistanceConfirmed(Applying a, EventRecord record, DispatchOrderAssistanceConfirmed e) {
        setPart(a.o, e.agencyId(), PartState.DONE);
        a.at = e.confirmedAt();
        a.agency = e.agencyId();
        a.summary = e.agencyId() + " confirmed its part";
    }

    private void handled(Applying a, EventRecord record, DispatchOrderHandled e) {
        a.o.put(HANDLED, true);
        a.o.put(HANDLED_AT, date(e.handledAt()));
        a.o.put(ON_TIME, e.onTime());
        String leadType = a.o.getString(LEAD_AGENCY_TYPE);
        Duration sinceIssued = Duration.between(issuedAt(a.o), e.handledAt());
        a.observations.add(metrics -> metrics.handled(leadType, e.onTime(), sinceIssued));
        a.at = e.handledAt();
        a.agency = e.leadAgencyId();
        a.summary = "handled " + (e.onTime() ? "on time" : "late");
    }

    private void extensionRequested(Applying a, EventRecord record, DispatchOrderExtensionRequested e) {
        a.o.put(PENDING_EXTENSION, new Document(ExtensionField.AGENCY_ID, e.agencyId()).append(ExtensionField.REASON, e.reason())
                .append(ExtensionField.REQUESTED_DEADLINE, date(e.requestedDeadline()))
                .append(ExtensionField.REQUESTED_AT, date(e.requestedAt())));
        a.o.put(EXTENSIONS_REQUESTED, a.o.getInteger(EXTENSIONS_REQUESTED, 0) + 1);
        a.at = e.requestedAt();
        a.agency = e.agencyId();
        a.summary = e.agencyId() + " asked for more time until " + e.requestedDeadline();
    }

    private void extensionApproved(Applying a, EventRecord record, DispatchOrderExtensionApproved e) {
        a.o.put(PENDING_EXTENSION, null);
        a.o.put(DEADLINE, date(e.deadline()));
        a.o.put(WARNING_AT, date(e.warningAt()));
        a.o.put(DUE_SOON, false);
        a.o.put(OVERDUE, false);
        a.o.put(EXTENSIONS_APPROVED, a.o.getInteger(EXTENSIONS_APPROVED, 0) + 1);
        a.at = e.approvedAt();
        a.summary = "street (" + e.decidedBy() + ") extended the deadline to " + e.deadline();
    }

    private void extensionRefused(Applying a, EventRecord record, DispatchOrderExtensionRefused e) {
        a.o.put(PENDING_EXTENSION, null);
        a.at = e.refusedAt();
        a.summary = "street (" + e.decidedBy() + ") refused the extension: " + e.reason();
    }

    private void dueSoon(Applying a, EventRecord record, DispatchOrderDueSoon e) {
        a.o.put(DUE_SOON, true);
        a.at = e.warnedAt();
        a.summary = "due soon: 80% of the time has passed";
    }

    private void overdue(Applying a, EventRecord record, DispatchOrderOverdue e) {
        a.o.put(OVERDUE, true);
        a.at = e.overdueAt();
        a.summary = "overdue";
    }

    private void escalated(Applying a, EventRecord record, DispatchOrderEscalated e) {
        a.o.put(ESCALATED, true);
        a.o.put(FOLLOWED_UP_BY, e.toLevel().name());
        String leadType = a.o.getString(LEAD_AGENCY_TYPE);
        String street = a.o.getString(STREET_CODE);
        a.observations.add(metrics -> metrics.escalated(leadType, street));
        a.at = e.escalatedAt();
        a.summary = "escalated from the " + e.fromLevel() + " centre to the " + e.toLevel() + " centre";
    }

    private void sentBackForRework(Applying a, EventRecord record, DispatchOrderSentBackForRework e) {
        a.o.put(REWORKED_IN_ROUND, e.reworkRound());
        a.at = e.sentBackAt();
        a.summary = "sent back for rework, round " + e.reworkRound() + ": " + e.reason();
    }

    private void clockPaused(Applying a, EventRecord record, DispatchOrderClockPaused e) {
        a.o.put(PAUSED, true);
        a.o.put(PAUSED_AT, date(e.pausedAt()));
        a.at = e.pausedAt();
        a.summary = "clock paused: the case is on hold";
    }

    private void clockResumed(Applying a, EventRecord record, DispatchOrderClockResumed e) {
        a.o.put(PAUSED, false);
        a.o.put(PAUSED_AT, null); // $set, not $unset: the stored field must change too
        a.o.put(WARNING_AT, date(e.warningAt()));
        a.o.put(DEADLINE, date(e.deadline()));
        a.at = e.resumedAt();
        a.summary = "clock resumed, due " + e.deadline();
    }

    private void withdrawn(Applying a, EventRecord record, DispatchOrderWithdrawn e) {
        a.o.put(WITHDRAWAL_REASON, e.reason().name());
        a.o.put(WITHDRAWN_AT, date(e.withdrawnAt()));
        a.observations.add(metrics -> metrics.withdrawn(e.reason().name()));
        a.at = e.withdrawnAt();
        a.summary = "withdrawn: " + e.reason();
    }

    private void referredToArbitration(Applying a, EventRecord record, DispatchOrderReferredToArbitration e) {
        a.o.put(REFERRED_TO_ARBITRATION, true);
        String type = agencyType(e.returnedAgencyId());
        a.observations.add(metrics -> metrics.referredToArbitration(type));
        a.at = e.referredAt();
        a.agency = e.returnedAgencyId();
        a.summary = "return " + e.returnCount() + " of the round went to the street's binding arbitration: " + e.reasons();
    }

    private void arbitrated(Applying a, EventRecord record, DispatchOrderArbitrated e) {
        a.o.put(REFERRED_TO_ARBITRATION, false);
        List<String> bound = new ArrayList<>(a.o.getList(BOUND_AGENCY_IDS, String.class, List.of()));
        if (!bound.contains(e.boundAgencyId())) {
            bound.add(e.boundAgencyId());
        }
        a.o.put(BOUND_AGENCY_IDS, bound);
        a.at = e.arbitratedAt();
        a.agency = e.boundAgencyId();
        a.summary = "street (" + e.arbitratedBy() + ") bound " + e.boundAgencyId() + " by arbitration against returns as " + e.bindingReasons();
    }

    static List<String> agencyIds(Document o) {
        return o.getList(PARTS, Document.class).stream().map(p -> p.getString(PartField.AGENCY_ID)).toList();
    }

    private static Document lastOpenReturnOf(Document o, String agencyId) {
        List<Document> returns = o.getList(RETURNS, Document.class);
        for (int i = returns.size() - 1; i >= 0; i--) {
            Document r = returns.get(i);
            if (agencyId.equals(r.getString(ReturnField.AGENCY_ID)) && r.get(ReturnField.OUTCOME) == null) {
                return r;
            }
        }
        Document missing = new Document(ReturnField.AGENCY_ID, agencyId);
        returns.add(missing);
        return missing;
    }

    private static void setPart(Document o, String agencyId, PartState state) {
        for (Document p : o.getList(PARTS, Document.class)) {
            if (p.getString(PartField.AGENCY_ID).equals(agencyId)) {
                p.put(PartField.STATE, state.name());
            }
        }
    }

    private Document part(String agencyId, AgencyRole role) {
        return new Document(PartField.AGENCY_ID, agencyId).append(PartField.AGENCY_TYPE, agencyType(agencyId))
                .append(PartField.ROLE, role.name()).append(PartField.STATE, PartState.AWAITING_ACCEPTANCE.name());
    }

    String agencyType(String agencyId) {
        return agencies.find(agencyId).map(a -> a.type().name()).orElse("UNKNOWN");
    }

    private static Instant issuedAt(Document o) {
        Instant issued = instant(o, ISSUED_AT);
        return issued == null ? Instant.EPOCH : issued;
    }
}
