package cn.changning.governance.dispatch.projection;

import cn.changning.governance.dispatch.domain.DispatchOrderIds;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The state check an operator runs against a live platform: every case whose dispatch side is missing
 * or disagrees with it, from what this service has seen of the case topic ({@link CaseIntakeProjection})
 * and its own orders ({@link DispatchOrderDocument}). A case whose last event is younger than
 * {@code settledFor} is left out: its reaction may still be on its way.
 *
 * <p>Reads every case this service has seen, so it is a tool for operators and tests, not for partners'
 * hot paths.</p>
 */
public class DispatchConsistency {

    /** The steps in which the case's current round must have an open order. */
    static final Set<String> OWED_AN_ORDER = Set.of("FILED", "SENT_BACK", "REOPENED", "DISPATCHED");
    static final Set<String> ENDED = Set.of("REJECTED", "CLOSED", "ASSESSED");

    /** One disagreement. {@code problem} is a stable code; {@code detail} says it in words. */
    public record Disagreement(String caseId, String step, int round, String orderId, String orderState,
                               String problem, String detail) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public DispatchConsistency(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public List<Disagreement> check(Duration settledFor) {
        Instant settled = clock.instant().minus(settledFor);
        List<Document> cases = new ArrayList<>();
        for (Document c : mongo.getCollection(CaseIntakeProjection.COLLECTION).find(
                Filters.lt(CaseIntakeProjection.LAST_EVENT_AT, Date.from(settled)))) {
            if (c.getString(CaseIntakeProjection.STEP) != null) {
                cases.add(c);
            }
        }
        Map<String, Document> orders = new HashMap<>();
        List<String> ids = cases.stream().map(DispatchConsistency::currentOrderId).toList();
        for (Document o : mongo.getCollection(DispatchOrderDocument.COLLECTION).find(Filters.in(DispatchOrderDocument.ID, ids))) {
            orders.put(o.getString(DispatchOrderDocument.ID), o);
        }
        List<Disagreement> found = new ArrayList<>();
        for (Document c : cases) {
            check(c, orders.get(currentOrderId(c)), found);
        }
        return found;
    }

    private static void check(Document c, Document order, List<Disagreement> found) {
        String caseId = c.getString("_id");
        String step = c.getString(CaseIntakeProjection.STEP);
        int round = c.getInteger(CaseIntakeProjection.ROUND, 0);
        String orderId = DispatchOrderIds.of(caseId, round);
        String state = order == null ? null : order.getString(DispatchOrderDocument.STATE);
        boolean open = state != null && OrderState.valueOf(state).isOpen();
        if (OWED_AN_ORDER.contains(step) && order == null) {
            found.add(new Disagreement(caseId, step, round, orderId, null, "order-missing",
                    "the case is " + step + " in round " + round + " but has no order for it"));
            return;
        }
        if (order == null) {
            return;
        }
        if ("REJECTED".equals(step) && open) { // a closed case's order was handled; a rejected one's must be withdrawn
            found.add(new Disagreement(caseId, step, round, orderId, state, "order-open-for-ended-case",
                    "the case is " + step + " but its order is still " + state));
        }
        if (!ENDED.contains(step) && !open && OWED_AN_ORDER.contains(step)) {
            found.add(new Disagreement(caseId, step, round, orderId, state, "order-closed-for-open-case",
                    "the case is " + step + " but its round's order is " + state));
        }
        if (open && !ENDED.contains(step)) {
            boolean suspended = Boolean.TRUE.equals(c.getBoolean(CaseIntakeProjection.SUSPENDED));
            boolean paused = DispatchOrderDocument.isTrue(order, DispatchOrderDocument.PAUSED);
            if (suspended != paused) {
                found.add(new Disagreement(caseId, step, round, orderId, state, suspended ? "clock-running-on-hold" : "clock-paused",
                        suspended ? "the case is on hold but its order's clock runs" : "the order's clock is paused but the case is not on hold"));
            }
            Date caseDeadline = c.getDate(CaseIntakeProjection.DEADLINE);
            Date orderDeadline = order.getDate(DispatchOrderDocument.DEADLINE);
            if (caseDeadline != null && orderDeadline != null && !Objects.equals(caseDeadline, orderDeadline)) {
                found.add(new Disagreement(caseId, step, round, orderId, state, "deadline-disagrees",
                        "the case is due " + caseDeadline.toInstant() + ", its order " + orderDeadline.toInstant()));
            }
        }
    }

    private static String currentOrderId(Document c) {
        return DispatchOrderIds.of(c.getString("_id"), c.getInteger(CaseIntakeProjection.ROUND, 0));
    }
}
