package cn.changning.governance.dispatch.projection;

import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
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
    private final ObjectMapper objectMapper;
    private final AgencyDirectory agencies;
    private final DispatchMetrics metrics;

    public DispatchOrderProjection(MongoTemplate mongo, ObjectMapper objectMapper, AgencyDirectory agencies, DispatchMetrics metrics) {
        this.mongo = mongo;
        this.objectMapper = objectMapper;
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
        VersionedDocuments.writeNewer(orders(), orderWrites);
        VersionedDocuments.writeNewer(facts(), factWrites);
    }

    private void apply(Document o, EventRecord event) {
        String name = event.eventName() == null ? "" : event.eventName();
        Instant at;
        String agency = null;
        String summary;
        switch (name) {
            case "DispatchOrderIssued" -> {
                DispatchOrderIssued e = read(event, DispatchOrderIssued.class);
                o.put("caseId", e.caseId());
                o.put("round", e.round());
                o.put("streetCode", e.streetCode());
                o.put("leadAgencyId", e.leadAgencyId());
                o.put("issuedAt", date(e.issuedAt()));
                o.put("deadline", date(e.deadline()));
                List<Document> parts = new ArrayList<>();
                parts.add(part(e.leadAgencyId(), "LEAD"));
                e.assistingAgencyIds().forEach(a -> parts.add(part(a, "ASSIST")));
                o.put("parts", parts);
                o.put("involvedAgencyIds", new ArrayList<>(agencyIds(o)));
                o.put("returns", new ArrayList<Document>());
                o.put("history", new ArrayList<Document>());
                o.put("returnCount", 0);
                o.put("extensionsRequested", 0);
                o.put("extensionsApproved", 0);
                o.put("dueSoon", false);
                o.put("overdue", false);
                o.put("escalated", false);
                o.put("acceptedBy", new ArrayList<String>());
                at = e.issuedAt();
                agency = e.leadAgencyId();
                summary = "issued to " + e.leadAgencyId() + (e.assistingAgencyIds().isEmpty() ? "" : " with " + e.assistingAgencyIds());
            }
            case "DispatchOrderRouted" -> {
                DispatchOrderRouted e = read(event, DispatchOrderRouted.class);
                o.put("itemCode", e.itemCode());
                o.put("itemClass", e.itemClass());
                o.put("handlingType", e.handlingType());
                o.put("persistentProblem", e.persistentProblem());
                o.put("gridCode", e.gridCode());
                o.put("leadAgencyType", e.leadAgencyType());
                o.put("jointTask", e.jointTask());
                o.put("followedUpBy", e.followedUpBy().name());
                at = event.time();
                summary = "routed by item " + e.itemCode() + ", handling type " + e.handlingType();
            }
            case "DispatchOrderTimerStarted" -> {
                DispatchOrderTimerStarted e = read(event, DispatchOrderTimerStarted.class);
                o.put("startedAt", date(e.startedAt()));
                o.put("warningAt", date(e.warningAt()));
                o.put("deadline", date(e.deadline()));
                at = e.startedAt();
                summary = "clock started, due " + e.deadline();
            }
            case "DispatchOrderAccepted" -> {
                DispatchOrderAccepted e = read(event, DispatchOrderAccepted.class);
                setPart(o, e.agencyId(), PartState.ACCEPTED);
                List<String> acceptedBy = o.getList("acceptedBy", String.class);
                if (!acceptedBy.contains(e.agencyId())) {
                    acceptedBy.add(e.agencyId());
                }
                if (e.role().name().equals("LEAD") && o.get("leadAcceptedAt") == null) {
                    o.put("leadAcceptedAt", date(e.acceptedAt()));
                    metrics.accepted(o.getString("leadAgencyType"), Duration.between(instant(o, "issuedAt"), e.acceptedAt()));
                }
                at = e.acceptedAt();
                agency = e.agencyId();
                summary = e.agencyId() + " accepted (" + e.role() + ")";
            }
            case "DispatchOrderReturned" -> {
                DispatchOrderReturned e = read(event, DispatchOrderReturned.class);
                setPart(o, e.agencyId(), PartState.RETURNED);
                o.put("returnCount", e.returnCount());
                o.getList("returns", Document.class).add(new Document("agencyId", e.agencyId())
                        .append("role", e.role().name()).append("reason", e.reason().name()).append("note", e.note())
                        .append("at", date(e.returnedAt())).append("passedTo", null));
                metrics.returned(agencyType(e.agencyId()), e.reason().name());
                at = e.returnedAt();
                agency = e.agencyId();
                summary = e.agencyId() + " returned it: " + e.reason() + (e.note() == null ? "" : " (" + e.note() + ")");
            }
            case "DispatchOrderReassigned" -> {
                DispatchOrderReassigned e = read(event, DispatchOrderReassigned.class);
                List<Document> parts = o.getList("parts", Document.class);
                parts.removeIf(p -> p.getString("agencyId").equals(e.fromAgencyId()));
                parts.add(part(e.toAgencyId(), e.role().name()));
                if (e.role().name().equals("LEAD")) {
                    o.put("leadAgencyId", e.toAgencyId());
                    o.put("leadAgencyType", agencyType(e.toAgencyId()));
                }
                List<String> involved = o.getList("involvedAgencyIds", String.class);
                if (!involved.contains(e.toAgencyId())) {
                    involved.add(e.toAgencyId());
                }
                lastOpenReturnOf(o, e.fromAgencyId()).append("passedTo", e.toAgencyId()).append("outcome", "REASSIGNED");
                at = e.reassignedAt();
                agency = e.fromAgencyId();
                summary = "street (" + e.arbitratedBy() + ") reassigned " + e.role() + " part from " + e.fromAgencyId() + " to " + e.toAgencyId();
            }
            case "DispatchOrderReissued" -> {
                DispatchOrderReissued e = read(event, DispatchOrderReissued.class);
                setPart(o, e.agencyId(), PartState.AWAITING_ACCEPTANCE);
                lastOpenReturnOf(o, e.agencyId()).append("passedTo", e.agencyId()).append("outcome", "UPHELD");
                at = e.reissuedAt();
                agency = e.agencyId();
                summary = "street (" + e.arbitratedBy() + ") upheld the dispatch to " + e.agencyId();
            }
            case "DispatchOrderHandlingReported" -> {
                DispatchOrderHandlingReported e = read(event, DispatchOrderHandlingReported.class);
                setPart(o, e.agencyId(), PartState.DONE);
                o.put("report", new Document("agencyId", e.agencyId()).append("result", e.result()).append("note", e.note())
                        .append("photoUrls", e.photoUrls()).append("at", date(e.reportedAt())));
                at = e.reportedAt();
                agency = e.agencyId();
                summary = e.agencyId() + " reported " + e.result();
            }
            case "DispatchOrderAssistanceConfirmed" -> {
                DispatchOrderAssistanceConfirmed e = read(event, DispatchOrderAssistanceConfirmed.class);
                setPart(o, e.agencyId(), PartState.DONE);
                at = e.confirmedAt();
                agency = e.agencyId();
                summary = e.agencyId() + " confirmed its part";
            }
            case "DispatchOrderHandled" -> {
                DispatchOrderHandled e = read(event, DispatchOrderHandled.class);
                o.put("handled", true);
                o.put("handledAt", date(e.handledAt()));
                o.put("onTime", e.onTime());
                metrics.handled(o.getString("leadAgencyType"), e.onTime(), Duration.between(instant(o, "issuedAt"), e.handledAt()));
                at = e.handledAt();
                agency = e.leadAgencyId();
                summary = "handled " + (e.onTime() ? "on time" : "late");
            }
            case "DispatchOrderExtensionRequested" -> {
                DispatchOrderExtensionRequested e = read(event, DispatchOrderExtensionRequested.class);
                o.put("pendingExtension", new Document("agencyId", e.agencyId()).append("reason", e.reason())
                        .append("requestedDeadline", date(e.requestedDeadline())).append("requestedAt", date(e.requestedAt())));
                o.put("extensionsRequested", o.getInteger("extensionsRequested", 0) + 1);
                at = e.requestedAt();
                agency = e.agencyId();
                summary = e.agencyId() + " asked for more time until " + e.requestedDeadline();
            }
            case "DispatchOrderExtensionApproved" -> {
                DispatchOrderExtensionApproved e = read(event, DispatchOrderExtensionApproved.class);
                o.put("pendingExtension", null);
                o.put("deadline", date(e.deadline()));
                o.put("warningAt", date(e.warningAt()));
                o.put("dueSoon", false);
                o.put("overdue", false);
                o.put("extensionsApproved", o.getInteger("extensionsApproved", 0) + 1);
                at = e.approvedAt();
                summary = "street (" + e.decidedBy() + ") extended the deadline to " + e.deadline();
            }
            case "DispatchOrderExtensionRefused" -> {
                DispatchOrderExtensionRefused e = read(event, DispatchOrderExtensionRefused.class);
                o.put("pendingExtension", null);
                at = e.refusedAt();
                summary = "street (" + e.decidedBy() + ") refused the extension: " + e.reason();
            }
            case "DispatchOrderDueSoon" -> {
                DispatchOrderDueSoon e = read(event, DispatchOrderDueSoon.class);
                o.put("dueSoon", true);
                at = e.warnedAt();
                summary = "due soon: 80% of the time has passed";
            }
            case "DispatchOrderOverdue" -> {
                DispatchOrderOverdue e = read(event, DispatchOrderOverdue.class);
                o.put("overdue", true);
                at = e.overdueAt();
                summary = "overdue";
            }
            case "DispatchOrderEscalated" -> {
                DispatchOrderEscalated e = read(event, DispatchOrderEscalated.class);
                o.put("escalated", true);
                o.put("followedUpBy", e.toLevel().name());
                metrics.escalated(o.getString("leadAgencyType"));
                at = e.escalatedAt();
                summary = "escalated from the " + e.fromLevel() + " centre to the " + e.toLevel() + " centre";
            }
            case "DispatchOrderSentBackForRework" -> {
                DispatchOrderSentBackForRework e = read(event, DispatchOrderSentBackForRework.class);
                o.put("reworkedInRound", e.reworkRound());
                at = e.sentBackAt();
                summary = "sent back for rework, round " + e.reworkRound() + ": " + e.reason();
            }
            default -> {
                at = event.time();
                summary = name.isEmpty() ? event.type() : name;
            }
        }
        o.getList("history", Document.class).add(new Document("sequence", event.sequence()).append("event", name)
                .append("at", date(at)).append("agencyId", agency).append("summary", summary));
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

    private <T> T read(EventRecord event, Class<T> type) {
        try {
            return event.dataAs(type, objectMapper);
        } catch (RuntimeException e) {
            throw new PoisonEventException(event, "unreadable " + type.getSimpleName(), e);
        }
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
