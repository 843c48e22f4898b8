package cn.changning.governance.cases.projection;

import cn.changning.governance.cases.domain.CaseStep;
import cn.changning.governance.contracts.cases.CaseClosed;
import cn.changning.governance.contracts.cases.CaseDispatched;
import cn.changning.governance.contracts.cases.CaseDuplicateLinked;
import cn.changning.governance.contracts.cases.CaseFeedbackRecorded;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseHandled;
import cn.changning.governance.contracts.cases.CaseRejected;
import cn.changning.governance.contracts.cases.CaseReopened;
import cn.changning.governance.contracts.cases.CaseReported;
import cn.changning.governance.contracts.cases.CaseResumed;
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

/**
 * What each case event changes in a case document, in one place for both readers: the projection
 * turns a change into a MongoDB update, and the as-of view applies it to an empty document while
 * folding the event store. Both therefore show a case the same way.
 *
 * <p>Every change sets absolute values (never increments), so applying it twice is harmless.
 */
public class CaseChanges {

    /** The event classes a case document shows. */
    public static final List<Class<?>> EVENTS = List.of(
            CaseReported.class, CaseFiled.class, CaseRejected.class, CaseDuplicateLinked.class,
            CaseDispatched.class, CaseHandled.class, CaseVerified.class, CaseSentBackForRework.class,
            CaseClosed.class, CaseFeedbackRecorded.class, CaseReopened.class, CaseSuspended.class,
            CaseResumed.class);

    /**
     * @param sets          fields to set (a null value clears the field)
     * @param linkDuplicate a case id to add to {@code duplicates}, or null
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

    /** The change an event makes; empty for an event a case document does not show. */
    public Optional<Change> of(Object event, long sequence) {
        Map<String, Object> s = new LinkedHashMap<>();
        String link = null;
        Entry entry;
        if (event instanceof CaseReported e) {
            step(s, CaseStep.REPORTED);
            s.put("suspended", false);
            item(s, e.itemCode());
            // Until filing assigns the grid, place the report by its own grid code or by its position.
            Optional<Grid> grid = Optional.ofNullable(e.location().gridCode()).flatMap(geography::grid)
                    .or(() -> gridAt(e.location().latitude(), e.location().longitude()));
            s.put("gridCode", grid.map(Grid::code).orElse(null));
            s.put("streetCode", grid.map(Grid::subdistrictCode).orElse(null));
            s.put("location", new Document("latitude", e.location().latitude())
                    .append("longitude", e.location().longitude())
                    .append("gridCode", e.location().gridCode())
                    .append("address", e.location().address()));
            s.put("description", e.description());
            s.put("source", e.source().name());
            s.put("reportedAt", date(e.reportedAt()));
            s.put("round", 0);
            // The reporter's contact is personal data and stays out of the read model.
            entry = new Entry(e.reportedAt(), e.source().name(), new Document("itemCode", e.itemCode()));
        } else if (event instanceof CaseFiled e) {
            step(s, CaseStep.FILED);
            item(s, e.itemCode());
            s.put("handlingType", e.handlingType());
            s.put("persistentProblem", e.persistentProblem());
            s.put("gridCode", e.gridCode());
            s.put("streetCode", e.streetCode());
            s.put("residentialAreaCode", e.residentialAreaCode());
            s.put("deadline", date(e.deadline()));
            s.put("filedAt", date(e.filedAt()));
            entry = new Entry(e.filedAt(), e.filedBy(), new Document("itemCode", e.itemCode())
                    .append("gridCode", e.gridCode()).append("deadline", date(e.deadline())));
        } else if (event instanceof CaseRejected e) {
            step(s, CaseStep.REJECTED);
            s.put("rejection", new Document("reason", e.reason().name()).append("duplicateOf", e.duplicateOf())
                    .append("note", e.note()));
            entry = new Entry(e.rejectedAt(), e.rejectedBy(), new Document("reason", e.reason().name())
                    .append("duplicateOf", e.duplicateOf()).append("note", e.note()));
        } else if (event instanceof CaseDuplicateLinked e) {
            link = e.duplicateCaseId();
            entry = new Entry(e.linkedAt(), e.linkedBy(), new Document("duplicateCaseId", e.duplicateCaseId()));
        } else if (event instanceof CaseDispatched e) {
            step(s, CaseStep.DISPATCHED);
            s.put("round", e.round());
            s.put("dispatch", new Document("orderId", e.orderId()).append("round", e.round())
                    .append("leadAgencyId", e.leadAgencyId())
                    .append("assistingAgencyIds", e.assistingAgencyIds() == null ? List.of() : e.assistingAgencyIds())
                    .append("dispatchedAt", date(e.dispatchedAt())));
            s.put("handling", null);
            s.put("verification", null);
            entry = new Entry(e.dispatchedAt(), "dispatch-service", new Document("orderId", e.orderId())
                    .append("round", e.round()).append("leadAgencyId", e.leadAgencyId()));
        } else if (event instanceof CaseHandled e) {
            step(s, CaseStep.HANDLED);
            s.put("handling", new Document("result", e.result()).append("onTime", e.onTime())
                    .append("handledAt", date(e.handledAt())));
            entry = new Entry(e.handledAt(), e.leadAgencyId(), new Document("orderId", e.orderId())
                    .append("round", e.round()).append("result", e.result()).append("onTime", e.onTime()));
        } else if (event instanceof CaseVerified e) {
            step(s, CaseStep.VERIFIED);
            s.put("verification", new Document("fixed", e.fixed()).append("note", e.note())
                    .append("verifiedBy", e.verifiedBy()).append("verifiedAt", date(e.verifiedAt())));
            entry = new Entry(e.verifiedAt(), e.verifiedBy(), new Document("fixed", e.fixed()).append("note", e.note()));
        } else if (event instanceof CaseSentBackForRework e) {
            step(s, CaseStep.SENT_BACK);
            s.put("round", e.reworkRound());
            entry = new Entry(e.sentBackAt(), e.verifiedBy(), new Document("reworkRound", e.reworkRound())
                    .append("reason", e.reason()));
        } else if (event instanceof CaseClosed e) {
            step(s, CaseStep.CLOSED);
            s.put("resolution", e.resolution().name());
            s.put("closedAt", date(e.closedAt()));
            s.put("closedOnTime", e.onTime());
            entry = new Entry(e.closedAt(), e.closedBy(), new Document("resolution", e.resolution().name())
                    .append("onTime", e.onTime()).append("note", e.note()));
        } else if (event instanceof CaseFeedbackRecorded e) {
            step(s, CaseStep.ASSESSED);
            s.put("feedback", new Document("satisfaction", e.satisfaction().name()).append("comment", e.comment())
                    .append("recordedAt", date(e.recordedAt())));
            entry = new Entry(e.recordedAt(), e.recordedBy(), new Document("satisfaction", e.satisfaction().name())
                    .append("comment", e.comment()));
        } else if (event instanceof CaseReopened e) {
            step(s, CaseStep.REOPENED);
            s.put("round", e.reworkRound());
            s.put("resolution", null);
            s.put("closedAt", null);
            s.put("closedOnTime", null);
            s.put("feedback", null);
            entry = new Entry(e.reopenedAt(), e.reopenedBy(), new Document("reworkRound", e.reworkRound())
                    .append("reason", e.reason()));
        } else if (event instanceof CaseSuspended e) {
            s.put("suspended", true);
            s.put("suspension", new Document("reason", e.reason()).append("approvedBy", e.approvedBy())
                    .append("since", date(e.suspendedAt())));
            entry = new Entry(e.suspendedAt(), e.suspendedBy(), new Document("reason", e.reason())
                    .append("approvedBy", e.approvedBy()));
        } else if (event instanceof CaseResumed e) {
            s.put("suspended", false);
            s.put("suspension", null);
            if (e.deadline() != null) {
                s.put("deadline", date(e.deadline()));
            }
            entry = new Entry(e.resumedAt(), e.resumedBy(), new Document("deadline", date(e.deadline())));
        } else {
            return Optional.empty();
        }
        Document timeline = new Document("sequence", sequence)
                .append("event", event.getClass().getSimpleName())
                .append("at", date(entry.at()))
                .append("by", entry.by())
                .append("details", entry.details());
        return Optional.of(new Change(s, link, timeline));
    }

    /** Applies a change to a document held in memory (the as-of view). */
    public static void applyTo(Document doc, Change change, long sequence) {
        doc.putAll(change.sets());
        if (change.linkDuplicate() != null) {
            List<String> duplicates = new ArrayList<>(doc.getList("duplicates", String.class, List.of()));
            if (!duplicates.contains(change.linkDuplicate())) {
                duplicates.add(change.linkDuplicate());
            }
            doc.put("duplicates", duplicates);
        }
        List<Document> timeline = new ArrayList<>(doc.getList("timeline", Document.class, List.of()));
        timeline.add(change.timeline());
        doc.put("timeline", timeline);
        doc.put("version", sequence);
    }

    private void item(Map<String, Object> s, String itemCode) {
        s.put("itemCode", itemCode);
        Optional<ManagementItem> item = Optional.ofNullable(itemCode).flatMap(catalogue::find);
        s.put("itemName", item.map(ManagementItem::name).orElse(null));
        s.put("itemClass", item.map(i -> i.itemClass().name()).orElse(null));
        s.put("category", item.map(i -> i.category().name()).orElse(null));
    }

    private Optional<Grid> gridAt(double lat, double lng) {
        try {
            return geography.gridAt(GeoPoint.of(lat, lng));
        } catch (IllegalArgumentException outOfRange) {
            return Optional.empty();
        }
    }

    private static void step(Map<String, Object> s, CaseStep step) {
        s.put("step", step.name());
        s.put("open", step.isOpen());
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private record Entry(Instant at, String by, Document details) {
    }
}
