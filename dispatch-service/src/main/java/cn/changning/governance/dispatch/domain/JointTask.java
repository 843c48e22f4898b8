package cn.changning.governance.dispatch.domain;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.dispatch.AgencyRole;
import cn.changning.governance.contracts.dispatch.DispatchOrderAccepted;
import cn.changning.governance.contracts.dispatch.DispatchOrderAssistanceConfirmed;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandlingReported;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import cn.changning.governance.contracts.dispatch.DispatchOrderReassigned;
import cn.changning.governance.contracts.dispatch.DispatchOrderReissued;
import cn.changning.governance.contracts.dispatch.DispatchOrderReturned;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.changning.governance.dispatch.domain.OrderChecks.require;

/**
 * The parts of an order: the lead agency's and, in a joint task, the assisting agencies', each with
 * where it stands. A member of the {@link DispatchOrder} aggregate: it answers the order's questions
 * about parts and changes only by the order's events, in its own event sourcing handlers.
 */
final class JointTask {

    /** One agency's part: its role and where it stands. */
    record Part(AgencyRole role, PartState state) {
        Part with(PartState next) {
            return new Part(role, next);
        }
    }

    private final Map<String, Part> parts = new LinkedHashMap<>();
    private String leadAgencyId;

    String leadAgencyId() {
        return leadAgencyId;
    }

    boolean hasPart(String agencyId) {
        return parts.containsKey(agencyId);
    }

    boolean allDone() {
        return parts.values().stream().allMatch(p -> p.state() == PartState.DONE);
    }

    /** The assisting agencies, in the order they got their parts. */
    List<String> assistingAgencyIds() {
        List<String> assistants = new ArrayList<>();
        parts.forEach((id, p) -> {
            if (p.role() == AgencyRole.ASSIST) {
                assistants.add(id);
            }
        });
        return assistants;
    }

    /** The part of the agency that acts; refused if it has none. */
    Part partOf(String agencyId, String orderId) {
        require(agencyId, "agencyId", "Say which agency acts");
        Part part = parts.get(agencyId);
        if (part == null) {
            throw DomainRuleViolation.invalid("agency-not-on-order", "agencyId", agencyId + " has no part in " + orderId);
        }
        return part;
    }

    /** The part whose return the street arbitrates; refused unless that agency returned it. */
    Part returnedPartOf(String agencyId, String orderId) {
        require(agencyId, "returnedAgencyId", "Say whose return is arbitrated");
        Part part = parts.get(agencyId);
        if (part == null) {
            throw DomainRuleViolation.invalid("agency-not-on-order", "returnedAgencyId", agencyId + " has no part in " + orderId);
        }
        if (part.state() != PartState.RETURNED) {
            throw DomainRuleViolation.conflict("no-return-to-arbitrate", agencyId + " has not returned its part of " + orderId);
        }
        return part;
    }

    /** Refuses to act on a part that is not accepted, or that is done already ({@code doneCode}). */
    static void requireAccepted(String agencyId, Part part, String orderId, String doneCode, String doneMessage) {
        switch (part.state()) {
            case AWAITING_ACCEPTANCE -> throw DomainRuleViolation.conflict("not-accepted",
                    agencyId + " has not accepted its part of " + orderId);
            case RETURNED -> throw DomainRuleViolation.conflict("awaiting-arbitration",
                    agencyId + " returned its part of " + orderId + "; the street has to arbitrate first");
            case DONE -> throw DomainRuleViolation.conflict(doneCode, doneMessage);
            default -> {
            }
        }
    }

    // --- state, rebuilt from the order's events

    @EventSourcingHandler
    void on(DispatchOrderIssued e) {
        leadAgencyId = e.leadAgencyId();
        parts.put(e.leadAgencyId(), new Part(AgencyRole.LEAD, PartState.AWAITING_ACCEPTANCE));
        e.assistingAgencyIds().forEach(a -> parts.put(a, new Part(AgencyRole.ASSIST, PartState.AWAITING_ACCEPTANCE)));
    }

    @EventSourcingHandler
    void on(DispatchOrderAccepted e) {
        move(e.agencyId(), PartState.ACCEPTED);
    }

    @EventSourcingHandler
    void on(DispatchOrderReturned e) {
        move(e.agencyId(), PartState.RETURNED);
    }

    @EventSourcingHandler
    void on(DispatchOrderReassigned e) {
        Part old = parts.remove(e.fromAgencyId());
        parts.put(e.toAgencyId(), new Part(old.role(), PartState.AWAITING_ACCEPTANCE));
        if (e.role() == AgencyRole.LEAD) {
            leadAgencyId = e.toAgencyId();
        }
    }

    @EventSourcingHandler
    void on(DispatchOrderReissued e) {
        move(e.agencyId(), PartState.AWAITING_ACCEPTANCE);
    }

    @EventSourcingHandler
    void on(DispatchOrderHandlingReported e) {
        move(e.agencyId(), PartState.DONE);
    }

    @EventSourcingHandler
    void on(DispatchOrderAssistanceConfirmed e) {
        move(e.agencyId(), PartState.DONE);
    }

    private void move(String agencyId, PartState state) {
        parts.computeIfPresent(agencyId, (k, p) -> p.with(state));
    }
}
