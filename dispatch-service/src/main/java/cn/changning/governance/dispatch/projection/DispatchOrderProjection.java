package cn.changning.governance.dispatch.projection;

import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.consuming.PoisonEventException;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.dispatch.DispatchOrderAccepted;
import cn.changning.governance.contracts.dispatch.DispatchOrderAssistanceConfirmed;
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
import cn.changning.governance.contracts.dispatch.DispatchOrderReissued;
import cn.changning.governance.contracts.dispatch.DispatchOrderReturned;
import cn.changning.governance.contracts.dispatch.DispatchOrderRouted;
import cn.changning.governance.contracts.dispatch.DispatchOrderSentBackForRework;
import cn.changning.governance.contracts.dispatch.DispatchOrderTimerStarted;
import cn.changning.governance.dispatch.domain.PartState;
import cn.changning.governance.dispatch.metrics.DispatchMetrics;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatch topic into two read models:
 * <ul>
 *   <li>{@value #ORDERS}: one document per order with its parts, clock, returns and history, serving the order
 *   list, the agencies' queues, the street boards and the buck-passing query;</li>
 *   <li>{@value #FACTS}: one document per order and agency that had a part in it, with what that agency did on
 *   that order; per-agency statistics are sums over them.</li>
 * </ul>
 * Each document remembers the order's last applied sequence number: a redelivered or older event changes nothing,
 * and the facts are recomputed from the order (not incremented), so a replay gives the same figures.
 */
public class DispatchOrderProjection implements EventBatchHandler.BatchProcessor {

    public static final String ORDERS = "dispatch_orders";
    public static final String FACTS = "agency_order_facts";

    private final MongoTemplate mongo;
    private final VersionedDocuments documents;
    private final EventRouter<Applying> router;
    private final AgencyDirectory agencies;
    private final DispatchMetrics metrics;

    public DispatchOrderProjection(MongoTemplate mongo, VersionedDocuments documents, ObjectMapper objectMapper,
                                   AgencyDirectory agencies, DispatchMetrics metrics) {
        this.mongo = mongo;
        this.documents = documents;
        this.router = router(objectMapper);
        this.agencies = agencies;
        this.metrics = metrics;
    }

    /** Secondary indexes for real MongoDB (the wire server ignores non-unique ones). */
    public void createIndexes() {
        orders().createIndex(Indexes.ascending("agencyIds", "state"));
        orders().createIndex(Indexes.ascending("streetCode", "state"));
        orders().createIndex(Indexes.ascending("returnCount"));
        facts().createIndex(Indexes.ascending("agencyId"), new IndexOptions());
    }

    @Override
    public void process(List<EventRecord> events) {
        // Read-modify-write per order, in partition order; one bulk write per collection at the end.
        Map<String, Document> touched = new LinkedHashMap<>();
        Map<String, Long> sequences = new LinkedHashMap<>();
        for (EventRecord event : events) {
            Document order = touched.containsKey(event.subject()) ? touched.get(event.subject()) : load(event.subject());
            long version = order == null ? -1 : order.get("version", Number.class).longValue();
            if (event.sequence() <= version) {
                continue; // redelivered or replayed: applied already
            }
            if (order == null) {
                if (!"DispatchOrderIssued".equals(event.eventName())) {
                    // The issue event is the order's first; without it there is nothing to apply to.
                    throw new PoisonEventException(event, "no order " + event.subject() + " to apply " + event.eventName() + " to", null);
                }
                order = new Document("_id", event.subject());
            }
            apply(order, event);
            order.put("agencyIds", agencyIds(order));
            order.put("version", event.sequence());
            order.put("state", state(order).name());
            touched.put(event.subject(), order);
            sequences.put(event.subject(), event.sequence());
        }
        if (touched.isEmpty()) {
            return;
        }
        List<VersionedDocuments.VersionedWrite> orderWrites = new ArrayList<>();
        List<VersionedDocuments.VersionedWrite> factWrites = new ArrayList<>();
        for (Map.Entry<String, Document> e : touched.entrySet()) {
            long sequence = sequences.get(e.getKey());
            Document order = e.getValue();
            orderWrites.add(VersionedDocuments.applyIfNewer(e.getKey(), sequence, setAll(order)));
            for (Document fact : facts(order)) {
                factWrites.add(VersionedDocuments.applyIfNewer(fact.getString("_id"), sequence, setAll(fact)));
            }
        }
        documents.writeNewer(orders(), orderWrites);
        documents.writeNewer(facts(), factWrites);
    }

    /** The order being built and what its history line will say; the router's handlers fill it in. */
    private static final class Applying {
        final Document o;
        Instant at;
        String agency;
        String summary;

        Applying(Document o) {
            this.o = o;
        }
    }

    private EventRouter<Applying> router(ObjectMapper objectMapper) {
        return EventRouter.using(objectMapper, Applying.class)
                .on(DispatchOrderIssued.class, this::dispatchOrderIssued)
                .on(DispatchOrderRouted.class, this::dispatchOrderRouted)
                .on(DispatchOrderTimerStarted.class, this::dispatchOrderTimerStarted)
                .on(DispatchOrderAccepted.class, this::dispatchOrderAccepted)
                .on(DispatchOrderReturned.class, this::dispatchOrderReturned)
                .on(DispatchOrderReassigned.class, this::dispatchOrderReassigned)
                .on(DispatchOrderReissued.class, this::dispatchOrderReissued)
                .on(DispatchOrderHandlingReported.class, this::dispatchOrderHandlingReported)
                .on(DispatchOrderAssistanceConfirmed.class, this::dispatchOrderAssistanceConfirmed)
                .on(DispatchOrderHandled.class, this::dispatchOrderHandled)
                .on(DispatchOrderExtensionRequested.class, this::dispatchOrderExtensionRequested)
                .on(DispatchOrderExtensionApproved.class, this::dispatchOrderExtensionApproved)
                .on(DispatchOrderExtensionRefused.class, this::dispatchOrderExtensionRefused)
                .on(DispatchOrderDueSoon.class, this::dispatchOrderDueSoon)
                .on(DispatchOrderOverdue.class, this::dispatchOrderOverdue)
                .on(DispatchOrderEscalated.class, this::dispatchOrderEscalated)
                .on(DispatchOrderSentBackForRework.class, this::dispatchOrderSentBackForRework);
    }

    private void apply(Document o, EventRecord event) {
        Applying a = new Applying(o);
        String name = event.eventName() == null ? event.type() : event.eventName();
        if (!router.route(a, event)) {
            a.at = event.time();
            a.summary = name;
        }
        o.getList("history", Document.class).add(new Document("sequence", event.sequence()).append("event", name)
                .append("at", date(a.at)).append("agencyId", a.agency).append("summary", a.summary));
    }

    private void dispatchOrderIssued(Applying a, EventRecord record, DispatchOrderIssued e) {
        a.o.put("caseId", e.caseId());
        a.o.put("round", e.round());
        a.o.put("streetCode", e.streetCode());
        a.o.put("leadAgencyId", e.leadAgencyId());
        a.o.put("issuedAt", date(e.issuedAt()));
        a.o.put("deadline", date(e.deadline()));
        List<Document> parts = new ArrayList<>();
        parts.add(part(e.leadAgencyId(), "LEAD"));
        e.assistingAgencyIds().forEach(assistant -> parts.add(part(assistant, "ASSIST")));
        a.o.put("parts", parts);
        a.o.put("involvedAgencyIds", new ArrayList<>(agencyIds(a.o)));
        a.o.put("returns", new ArrayList<Document>());
        a.o.put("history", new ArrayList<Document>());
        a.o.put("returnCount", 0);
        a.o.put("extensionsRequested", 0);
        a.o.put("extensionsApproved", 0);
        a.o.put("dueSoon", false);
        a.o.put("overdue", false);
        a.o.put("escalated", false);
        a.o.put("acceptedBy", new ArrayList<String>());
        a.at = e.issuedAt();
        a.agency = e.leadAgencyId();
        a.summary = "issued to " + e.leadAgencyId() + (e.assistingAgencyIds().isEmpty() ? "" : " with " + e.assistingAgencyIds());
    }

    private void dispatchOrderRouted(Applying a, EventRecord record, DispatchOrderRouted e) {
        a.o.put("itemCode", e.itemCode());
        a.o.put("itemClass", e.itemClass());
        a.o.put("handlingType", e.handlingType());
        a.o.put("persistentProblem", e.persistentProblem());
        a.o.put("gridCode", e.gridCode());
        a.o.put("leadAgencyType", e.leadAgencyType());
        a.o.put("jointTask", e.jointTask());
        a.o.put("followedUpBy", e.followedUpBy().name());
        a.at = record.time();
        a.summary = "routed by item " + e.itemCode() + ", handling type " + e.handlingType();
    }

    private void dispatchOrderTimerStarted(Applying a, EventRecord record, DispatchOrderTimerStarted e) {
        a.o.put("startedAt", date(e.startedAt()));
        a.o.put("warningAt", date(e.warningAt()));
        a.o.put("deadline", date(e.deadline()));
        a.at = e.startedAt();
        a.summary = "clock started, due " + e.deadline();
    }

    private void dispatchOrderAccepted(Applying a, EventRecord record, DispatchOrderAccepted e) {
        setPart(a.o, e.agencyId(), PartState.ACCEPTED);
        List<String> acceptedBy = a.o.getList("acceptedBy", String.class);
        if (!acceptedBy.contains(e.agencyId())) {
            acceptedBy.add(e.agencyId());
        }
        if (e.role().name().equals("LEAD") && a.o.get("leadAcceptedAt") == null) {
            a.o.put("leadAcceptedAt", date(e.acceptedAt()));
            metrics.accepted(a.o.getString("leadAgencyType"), Duration.between(instant(a.o, "issuedAt"), e.acceptedAt()));
        }
        a.at = e.acceptedAt();
        a.agency = e.agencyId();
        a.summary = e.agencyId() + " accepted (" + e.role() + ")";
    }

    private void dispatchOrderReturned(Applying a, EventRecord record, DispatchOrderReturned e) {
        setPart(a.o, e.agencyId(), PartState.RETURNED);
        a.o.put("returnCount", e.returnCount());
        a.o.getList("returns", Document.class).add(new Document("agencyId", e.agencyId())
                .append("role", e.role().name()).append("reason", e.reason().name()).append("note", e.note())
                .append("at", date(e.returnedAt())).append("passedTo", null));
        metrics.returned(agencyType(e.agencyId()), e.reason().name());
        a.at = e.returnedAt();
        a.agency = e.agencyId();
        a.summary = e.agencyId() + " returned it: " + e.reason() + (e.note() == null ? "" : " (" + e.note() + ")");
    }

    private void dispatchOrderReassigned(Applying a, EventRecord record, DispatchOrderReassigned e) {
        List<Document> parts = a.o.getList("parts", Document.class);
        parts.removeIf(p -> p.getString("agencyId").equals(e.fromAgencyId()));
        parts.add(part(e.toAgencyId(), e.role().name()));
        if (e.role().name().equals("LEAD")) {
            a.o.put("leadAgencyId", e.toAgencyId());
            a.o.put("leadAgencyType", agencyType(e.toAgencyId()));
        }
        List<String> involved = a.o.getList("involvedAgencyIds", String.class);
        if (!involved.contains(e.toAgencyId())) {
            involved.add(e.toAgencyId());
        }
        lastOpenReturnOf(a.o, e.fromAgencyId()).append("passedTo", e.toAgencyId()).append("outcome", "REASSIGNED");
        a.at = e.reassignedAt();
        a.agency = e.fromAgencyId();
        a.summary = "street (" + e.arbitratedBy() + ") reassigned " + e.role() + " part from " + e.fromAgencyId() + " to " + e.toAgencyId();
    }

    private void dispatchOrderReissued(Applying a, EventRecord record, DispatchOrderReissued e) {
        setPart(a.o, e.agencyId(), PartState.AWAITING_ACCEPTANCE);
        lastOpenReturnOf(a.o, e.agencyId()).append("passedTo", e.agencyId()).append("outcome", "UPHELD");
        a.at = e.reissuedAt();
        a.agency = e.agencyId();
        a.summary = "street (" + e.arbitratedBy() + ") upheld the dispatch to " + e.agencyId();
    }

    private void dispatchOrderHandlingReported(Applying a, EventRecord record, DispatchOrderHandlingReported e) {
        setPart(a.o, e.agencyId(), PartState.DONE);
        a.o.put("report", new Document("agencyId", e.agencyId()).append("result", e.result()).append("note", e.note())
                .append("photoUrls", e.photoUrls()).append("at", date(e.reportedAt())));
        a.at = e.reportedAt();
        a.agency = e.agencyId();
        a.summary = e.agencyId() + " reported " + e.result();
    }

    private void dispatchOrderAssistanceConfirmed(Applying a, EventRecord record, DispatchOrderAssistanceConfirmed e) {
        setPart(a.o, e.agencyId(), PartState.DONE);
        a.at = e.confirmedAt();
        a.agency = e.agencyId();
        a.summary = e.agencyId() + " confirmed its part";
    }

    private void dispatchOrderHandled(Applying a, EventRecord record, DispatchOrderHandled e) {
        a.o.put("handled", true);
        a.o.put("handledAt", date(e.handledAt()));
        a.o.put("onTime", e.onTime());
        metrics.handled(a.o.getString("leadAgencyType"), e.onTime(), Duration.between(instant(a.o, "issuedAt"), e.handledAt()));
        a.at = e.handledAt();
        a.agency = e.leadAgencyId();
        a.summary = "handled " + (e.onTime() ? "on time" : "late");
    }

    private void dispatchOrderExtensionRequested(Applying a, EventRecord record, DispatchOrderExtensionRequested e) {
        a.o.put("pendingExtension", new Document("agencyId", e.agencyId()).append("reason", e.reason())
                .append("requestedDeadline", date(e.requestedDeadline())).append("requestedAt", date(e.requestedAt())));
        a.o.put("extensionsRequested", a.o.getInteger("extensionsRequested", 0) + 1);
        a.at = e.requestedAt();
        a.agency = e.agencyId();
        a.summary = e.agencyId() + " asked for more time until " + e.requestedDeadline();
    }

    private void dispatchOrderExtensionApproved(Applying a, EventRecord record, DispatchOrderExtensionApproved e) {
        a.o.put("pendingExtension", null);
        a.o.put("deadline", date(e.deadline()));
        a.o.put("warningAt", date(e.warningAt()));
        a.o.put("dueSoon", false);
        a.o.put("overdue", false);
        a.o.put("extensionsApproved", a.o.getInteger("extensionsApproved", 0) + 1);
        a.at = e.approvedAt();
        a.summary = "street (" + e.decidedBy() + ") extended the deadline to " + e.deadline();
    }

    private void dispatchOrderExtensionRefused(Applying a, EventRecord record, DispatchOrderExtensionRefused e) {
        a.o.put("pendingExtension", null);
        a.at = e.refusedAt();
        a.summary = "street (" + e.decidedBy() + ") refused the extension: " + e.reason();
    }

    private void dispatchOrderDueSoon(Applying a, EventRecord record, DispatchOrderDueSoon e) {
        a.o.put("dueSoon", true);
        a.at = e.warnedAt();
        a.summary = "due soon: 80% of the time has passed";
    }

    private void dispatchOrderOverdue(Applying a, EventRecord record, DispatchOrderOverdue e) {
        a.o.put("overdue", true);
        a.at = e.overdueAt();
        a.summary = "overdue";
    }

    private void dispatchOrderEscalated(Applying a, EventRecord record, DispatchOrderEscalated e) {
        a.o.put("escalated", true);
        a.o.put("followedUpBy", e.toLevel().name());
        metrics.escalated(a.o.getString("leadAgencyType"));
        a.at = e.escalatedAt();
        a.summary = "escalated from the " + e.fromLevel() + " centre to the " + e.toLevel() + " centre";
    }

    private void dispatchOrderSentBackForRework(Applying a, EventRecord record, DispatchOrderSentBackForRework e) {
        a.o.put("reworkedInRound", e.reworkRound());
        a.at = e.sentBackAt();
        a.summary = "sent back for rework, round " + e.reworkRound() + ": " + e.reason();
    }

    static OrderState state(Document o) {
        if (o.get("reworkedInRound") != null) {
            return OrderState.REWORKED;
        }
        if (Boolean.TRUE.equals(o.getBoolean("handled"))) {
            return OrderState.HANDLED;
        }
        List<Document> parts = o.getList("parts", Document.class, List.of());
        if (parts.stream().anyMatch(p -> PartState.RETURNED.name().equals(p.getString("state")))) {
            return OrderState.AWAITING_ARBITRATION;
        }
        if (o.get("report") != null) {
            return OrderState.AWAITING_CONFIRMATION;
        }
        boolean leadAccepted = parts.stream().anyMatch(p -> "LEAD".equals(p.getString("role"))
                && PartState.ACCEPTED.name().equals(p.getString("state")));
        return leadAccepted ? OrderState.IN_PROGRESS : OrderState.AWAITING_ACCEPTANCE;
    }

    /** What each agency that ever had a part did on this order: the rows the per-agency statistics sum. */
    private List<Document> facts(Document o) {
        List<Document> facts = new ArrayList<>();
        List<String> current = agencyIds(o);
        List<String> acceptedBy = o.getList("acceptedBy", String.class, List.of());
        List<Document> returns = o.getList("returns", Document.class, List.of());
        boolean handled = Boolean.TRUE.equals(o.getBoolean("handled"));
        boolean onTime = Boolean.TRUE.equals(o.getBoolean("onTime"));
        String lead = o.getString("leadAgencyId");
        for (String agencyId : o.getList("involvedAgencyIds", String.class, List.of())) {
            boolean stillOn = current.contains(agencyId);
            boolean isLead = agencyId.equals(lead);
            facts.add(new Document("_id", o.getString("_id") + "|" + agencyId)
                    .append("orderId", o.getString("_id"))
                    .append("agencyId", agencyId)
                    .append("agencyType", agencyType(agencyId))
                    .append("streetCode", o.getString("streetCode"))
                    .append("lead", isLead)
                    .append("dispatched", 1)
                    .append("accepted", acceptedBy.contains(agencyId) ? 1 : 0)
                    .append("returned", (int) returns.stream().filter(r -> agencyId.equals(r.getString("agencyId"))).count())
                    .append("handledOnTime", handled && stillOn && onTime ? 1 : 0)
                    .append("handledLate", handled && stillOn && !onTime ? 1 : 0)
                    .append("reworked", isLead && o.get("reworkedInRound") != null ? 1 : 0)
                    .append("extensionsRequested", isLead ? o.getInteger("extensionsRequested", 0) : 0)
                    .append("extensionsApproved", isLead ? o.getInteger("extensionsApproved", 0) : 0));
        }
        return facts;
    }

    private static Document lastOpenReturnOf(Document o, String agencyId) {
        List<Document> returns = o.getList("returns", Document.class);
        for (int i = returns.size() - 1; i >= 0; i--) {
            Document r = returns.get(i);
            if (agencyId.equals(r.getString("agencyId")) && r.get("outcome") == null) {
                return r;
            }
        }
        Document missing = new Document("agencyId", agencyId);
        returns.add(missing);
        return missing;
    }

    private static List<String> agencyIds(Document o) {
        return o.getList("parts", Document.class).stream().map(p -> p.getString("agencyId")).toList();
    }

    private static void setPart(Document o, String agencyId, PartState state) {
        for (Document p : o.getList("parts", Document.class)) {
            if (p.getString("agencyId").equals(agencyId)) {
                p.put("state", state.name());
            }
        }
        o.put("agencyIds", agencyIds(o));
    }

    private Document part(String agencyId, String role) {
        return new Document("agencyId", agencyId).append("agencyType", agencyType(agencyId)).append("role", role)
                .append("state", PartState.AWAITING_ACCEPTANCE.name());
    }

    private String agencyType(String agencyId) {
        return agencies.find(agencyId).map(a -> a.type().name()).orElse("UNKNOWN");
    }

    private static Bson setAll(Document doc) {
        List<Bson> sets = new ArrayList<>();
        doc.forEach((k, v) -> {
            if (!k.equals("_id") && !k.equals(VersionedDocuments.VERSION)) {
                sets.add(Updates.set(k, v));
            }
        });
        return Updates.combine(sets);
    }

    private Document load(String orderId) {
        return orders().find(Filters.eq("_id", orderId)).first();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document o, String field) {
        Date d = o.getDate(field);
        return d == null ? Instant.EPOCH : d.toInstant();
    }

    private MongoCollection<Document> orders() {
        return mongo.getCollection(ORDERS);
    }

    private MongoCollection<Document> facts() {
        return mongo.getCollection(FACTS);
    }
}
