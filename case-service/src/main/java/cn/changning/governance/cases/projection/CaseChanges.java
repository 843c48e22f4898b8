package cn.changning.governance.cases.projection;

import cn.changning.governance.cases.domain.CaseStep;
import cn.changning.governance.contracts.cases.CaseClosed;
import cn.changning.governance.contracts.cases.CaseDispatched;
import cn.changning.governance.contracts.cases.CaseDuplicateLinkRefused;
import cn.changning.governance.contracts.cases.CaseDuplicateLinked;
import cn.changning.governance.contracts.cases.CaseFeedbackRecorded;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseHandled;
import cn.changning.governance.contracts.cases.CaseRejected;
import cn.changning.governance.contracts.cases.CaseReopened;
import cn.changning.governance.contracts.cases.CaseReported;
import cn.changning.governance.contracts.cases.CaseReportedV1;
import cn.changning.governance.contracts.cases.CaseReporterErased;
import cn.changning.governance.contracts.cases.SealedReporter;
import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.contracts.cases.CaseResumed;
import cn.changning.governance.contracts.cases.CaseRoundDeadlineSet;
import cn.changning.governance.contracts.cases.CaseSentBackForRework;
import cn.changning.governance.contracts.cases.CaseSuspended;
import cn.changning.governance.contracts.cases.CaseVerified;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.catalogue.ManagementItem;
import cn.changning.governance.reference.geography.GeoPoint;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Grid;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.changning.governance.cases.projection.CaseDocument.*;

/**
 * What each case event changes in a case document, in one place for both readers: the projection
 * turns a change into a MongoDB update, and the as-of view applies it to an empty document while
 * folding the event store. Both therefore show a case the same way.
 *
 * <p>Every change sets absolute values (never increments), so applying it twice is harmless.
 */
public class CaseChanges {

    /** The event classes a case document shows (CaseReportedV1: the records of v1 still on the topic). */
    public static final List<Class<?>> EVENTS = List.of(
            CaseReported.class, CaseReportedV1.class, CaseReporterErased.class, CaseFiled.class, CaseRejected.class, CaseDuplicateLinked.class,
            CaseDispatched.class, CaseHandled.class, CaseVerified.class, CaseSentBackForRework.class,
            CaseClosed.class, CaseFeedbackRecorded.class, CaseReopened.class, CaseSuspended.class,
            CaseResumed.class, CaseRoundDeadlineSet.class, CaseDuplicateLinkRefused.class);

    /**
     * @param sets          fields of the {@link CaseDocument} to set (a null value clears the field)
     * @param linkDuplicate a case id to add to {@link CaseDocument#DUPLICATES}, or null
     * @param timeline      the timeline entry: what, who, when
     */
    public record Change(Map<String, Object> sets, String linkDuplicate, Document timeline) {
    }

    private final Catalogue catalogue;
    private final Geography geography;

    public CaseChanges(Catalogue catalogue, Geography geography) {
        this.catalogue = catalogue;
        this.geography = geography;
    }

    /** An event as this service reads it now: a v1 report as v2, without its clear reporter (never copied). */
    public static Object current(Object event) {
        return event instanceof CaseReportedV1 v1 ? v1.toV2() : event;
    }

    /** The change an event makes; empty for an event a case document does not show. */
    public Optional<Change> of(Object decoded, long sequence) {
        Object event = current(decoded);
        Map<String, Object> s = new LinkedHashMap<>();
        String link = null;
        Entry entry;
        if (event instanceof CaseReported e) {
            step(s, CaseStep.REPORTED);
            s.put(SUSPENDED, false);
            item(s, e.itemCode());
            // Until filing assigns the grid, place the report by its own grid code or by its position.
            Optional<Grid> grid = Optional.ofNullable(e.location().gridCode()).flatMap(geography::grid)
                    .or(() -> gridAt(e.location().latitude(), e.location().longitude()));
            s.put(GRID_CODE, grid.map(Grid::code).orElse(null));
            s.put(STREET_CODE, grid.map(Grid::subdistrictCode).orElse(null));
            s.put(LOCATION, new Document(Location.LATITUDE, e.location().latitude())
                    .append(Location.LONGITUDE, e.location().longitude())
                    .append(Location.GRID_CODE, e.location().gridCode())
                    .append(Location.ADDRESS, e.location().address()));
            s.put(DESCRIPTION, e.description());
            s.put(SOURCE, e.source().name());
            s.put(REPORTED_AT, date(e.reportedAt()));
            s.put(REPORTED_BY, e.reportedBy());
            s.put(ROUND, 0);
            // Sealed values only: the read model never holds the reporter in clear.
            s.put(REPORTER, reporter(e.reporter()));
            entry = new Entry(e.reportedAt(), e.source().name(), new Document(Details.ITEM_CODE, e.itemCode()));
        } else if (event instanceof CaseReporterErased e) {
            // The key is destroyed: the ciphertext is worthless, and is dropped.
            s.put(REPORTER, new Document(Reporter.SUBJECT, e.subject()).append(Reporter.ERASED, true));
            entry = new Entry(e.erasedAt(), e.erasedBy(), new Document());
        } else if (event instanceof CaseFiled e) {
            step(s, CaseStep.FILED);
            item(s, e.itemCode());
            s.put(HANDLING_TYPE, e.handlingType());
            s.put(PERSISTENT_PROBLEM, e.persistentProblem());
            s.put(GRID_CODE, e.gridCode());
            s.put(STREET_CODE, e.streetCode());
            s.put(RESIDENTIAL_AREA_CODE, e.residentialAreaCode());
            s.put(DEADLINE, date(e.deadline()));
            s.put(FILED_AT, date(e.filedAt()));
            entry = new Entry(e.filedAt(), e.filedBy(), new Document(Details.ITEM_CODE, e.itemCode())
                    .append(Details.GRID_CODE, e.gridCode()).append(Details.DEADLINE, date(e.deadline())));
        } else if (event instanceof CaseRejected e) {
            step(s, CaseStep.REJECTED);
            s.put(REJECTION, new Document(Rejection.REASON, e.reason().name())
                    .append(Rejection.DUPLICATE_OF, e.duplicateOf()).append(Rejection.NOTE, e.note()));
            entry = new Entry(e.rejectedAt(), e.rejectedBy(), new Document(Details.REASON, e.reason().name())
                    .append(Details.DUPLICATE_OF, e.duplicateOf()).append(Details.NOTE, e.note()));
        } else if (event instanceof CaseDuplicateLinked e) {
            link = e.duplicateCaseId();
            entry = new Entry(e.linkedAt(), e.linkedBy(), new Document(Details.DUPLICATE_CASE_ID, e.duplicateCaseId()));
        } else if (event instanceof CaseDispatched e) {
            step(s, CaseStep.DISPATCHED);
            s.put(ROUND, e.round());
            s.put(DISPATCH, new Document(Dispatch.ORDER_ID, e.orderId()).append(Dispatch.ROUND, e.round())
                    .append(Dispatch.LEAD_AGENCY_ID, e.leadAgencyId())
                    .append(Dispatch.ASSISTING_AGENCY_IDS, e.assistingAgencyIds() == null ? List.of() : e.assistingAgencyIds())
                    .append(Dispatch.DISPATCHED_AT, date(e.dispatchedAt())));
            s.put(HANDLING, null);
            s.put(VERIFICATION, null);
            entry = new Entry(e.dispatchedAt(), "dispatch-service", new Document(Details.ORDER_ID, e.orderId())
                    .append(Details.ROUND, e.round()).append(Details.LEAD_AGENCY_ID, e.leadAgencyId()));
        } else if (event instanceof CaseHandled e) {
            step(s, CaseStep.HANDLED);
            s.put(HANDLING, new Document(Handling.RESULT, e.result()).append(Handling.ON_TIME, e.onTime())
                    .append(Handling.HANDLED_AT, date(e.handledAt())));
            entry = new Entry(e.handledAt(), e.leadAgencyId(), new Document(Details.ORDER_ID, e.orderId())
                    .append(Details.ROUND, e.round()).append(Details.RESULT, e.result()).append(Details.ON_TIME, e.onTime()));
        } else if (event instanceof CaseVerified e) {
            step(s, CaseStep.VERIFIED);
            s.put(VERIFICATION, new Document(Verification.FIXED, e.fixed()).append(Verification.NOTE, e.note())
                    .append(Verification.VERIFIED_BY, e.verifiedBy())
                    .append(Verification.VERIFIED_AT, date(e.verifiedAt())));
            entry = new Entry(e.verifiedAt(), e.verifiedBy(), new Document(Details.FIXED, e.fixed())
                    .append(Details.NOTE, e.note()));
        } else if (event instanceof CaseSentBackForRework e) {
            step(s, CaseStep.SENT_BACK);
            s.put(ROUND, e.reworkRound());
            entry = new Entry(e.sentBackAt(), e.verifiedBy(), new Document(Details.REWORK_ROUND, e.reworkRound())
                    .append(Details.REASON, e.reason()));
        } else if (event instanceof CaseClosed e) {
            step(s, CaseStep.CLOSED);
            s.put(RESOLUTION, e.resolution().name());
            s.put(CLOSED_AT, date(e.closedAt()));
            s.put(CLOSED_ON_TIME, e.onTime());
            entry = new Entry(e.closedAt(), e.closedBy(), new Document(Details.RESOLUTION, e.resolution().name())
                    .append(Details.ON_TIME, e.onTime()).append(Details.NOTE, e.note()));
        } else if (event instanceof CaseFeedbackRecorded e) {
            step(s, CaseStep.ASSESSED);
            s.put(FEEDBACK, new Document(Feedback.SATISFACTION, e.satisfaction().name())
                    .append(Feedback.COMMENT, e.comment()).append(Feedback.RECORDED_AT, date(e.recordedAt())));
            entry = new Entry(e.recordedAt(), e.recordedBy(), new Document(Details.SATISFACTION, e.satisfaction().name())
                    .append(Details.COMMENT, e.comment()));
        } else if (event instanceof CaseReopened e) {
            step(s, CaseStep.REOPENED);
            s.put(ROUND, e.reworkRound());
            s.put(RESOLUTION, null);
            s.put(CLOSED_AT, null);
            s.put(CLOSED_ON_TIME, null);
            s.put(FEEDBACK, null);
            entry = new Entry(e.reopenedAt(), e.reopenedBy(), new Document(Details.REWORK_ROUND, e.reworkRound())
                    .append(Details.REASON, e.reason()));
        } else if (event instanceof CaseSuspended e) {
            s.put(SUSPENDED, true);
            s.put(SUSPENSION, new Document(Suspension.REASON, e.reason()).append(Suspension.APPROVED_BY, e.approvedBy())
                    .append(Suspension.SINCE, date(e.suspendedAt())));
            entry = new Entry(e.suspendedAt(), e.suspendedBy(), new Document(Details.REASON, e.reason())
                    .append(Details.APPROVED_BY, e.approvedBy()));
        } else if (event instanceof CaseResumed e) {
            s.put(SUSPENDED, false);
            s.put(SUSPENSION, null);
            if (e.deadline() != null) {
                s.put(DEADLINE, date(e.deadline()));
            }
            entry = new Entry(e.resumedAt(), e.resumedBy(), new Document(Details.DEADLINE, date(e.deadline())));
        } else if (event instanceof CaseRoundDeadlineSet e) {
            s.put(DEADLINE, date(e.deadline()));
            entry = new Entry(e.setAt(), e.cause() == CaseRoundDeadlineSet.DeadlineChange.EXTENSION ? "dispatch-service" : "case-service",
                    new Document(Details.ROUND, e.round()).append(Details.DEADLINE, date(e.deadline()))
                            .append(Details.CAUSE, e.cause().name()));
        } else if (event instanceof CaseDuplicateLinkRefused e) {
            step(s, CaseStep.valueOf(e.stepRestored()));
            s.put(REJECTION, null);
            entry = new Entry(e.refusedAt(), "duplicate-policy", new Document(Details.ORIGINAL_CASE_ID, e.originalCaseId())
                    .append(Details.REASON, e.reason()));
        } else {
            return Optional.empty();
        }
        Document timeline = new Document(Timeline.SEQUENCE, sequence)
                .append(Timeline.EVENT, event.getClass().getSimpleName())
                .append(Timeline.AT, date(entry.at()))
                .append(Timeline.BY, entry.by())
                .append(Timeline.DETAILS, entry.details());
        return Optional.of(new Change(s, link, timeline));
    }

    /** Applies a change to a document held in memory (the as-of view). */
    public static void applyTo(Document doc, Change change, long sequence) {
        doc.putAll(change.sets());
        if (change.linkDuplicate() != null) {
            List<String> duplicates = new ArrayList<>(doc.getList(DUPLICATES, String.class, List.of()));
            if (!duplicates.contains(change.linkDuplicate())) {
                duplicates.add(change.linkDuplicate());
            }
            doc.put(DUPLICATES, duplicates);
        }
        List<Document> timeline = new ArrayList<>(doc.getList(TIMELINE, Document.class, List.of()));
        timeline.add(change.timeline());
        doc.put(TIMELINE, timeline);
        doc.put(VERSION, sequence);
    }

    private void item(Map<String, Object> s, String itemCode) {
        s.put(ITEM_CODE, itemCode);
        Optional<ManagementItem> item = Optional.ofNullable(itemCode).flatMap(catalogue::find);
        s.put(ITEM_NAME, item.map(ManagementItem::name).orElse(null));
        s.put(ITEM_CLASS, item.map(i -> i.itemClass().name()).orElse(null));
        s.put(CATEGORY, item.map(i -> i.category().name()).orElse(null));
    }

    private Optional<Grid> gridAt(double lat, double lng) {
        try {
            return geography.gridAt(GeoPoint.of(lat, lng));
        } catch (IllegalArgumentException outOfRange) {
            return Optional.empty();
        }
    }

    private static void step(Map<String, Object> s, CaseStep step) {
        s.put(STEP, step.name());
        s.put(OPEN, step.isOpen());
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Document reporter(SealedReporter reporter) {
        if (reporter == null || (reporter.name() == null && reporter.contact() == null && reporter.email() == null)) {
            return null;
        }
        return new Document(Reporter.NAME, sealed(reporter.name())).append(Reporter.CONTACT, sealed(reporter.contact()))
                .append(Reporter.EMAIL, sealed(reporter.email())).append(Reporter.ERASED, false);
    }

    private static Document sealed(SealedValue value) {
        return value == null ? null : new Document(Reporter.SUBJECT, value.subject()).append(Reporter.CIPHERTEXT, value.ciphertext());
    }

    private record Entry(Instant at, String by, Document details) {
    }
}
