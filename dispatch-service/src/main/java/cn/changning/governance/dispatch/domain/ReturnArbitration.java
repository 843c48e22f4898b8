package cn.changning.governance.dispatch.domain;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.dispatch.DispatchOrderArbitrated;
import cn.changning.governance.contracts.dispatch.DispatchOrderReferredToArbitration;
import cn.changning.governance.contracts.dispatch.DispatchOrderReturned;
import cn.changning.governance.contracts.dispatch.ReturnReason;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The street's binding arbitration of returns (against buck-passing, 推诿): which returns of the round went to
 * arbitration on their own, and which agency the street's binding decisions hold to which reasons. A member of the
 * {@link DispatchOrder} aggregate, changed only by the order's events.
 */
final class ReturnArbitration {

    /** The reasons of every return of the round, in the order first given: what a binding decision settles. */
    private final Set<ReturnReason> roundReasons = new LinkedHashSet<>();
    /** Agencies whose pending return was referred to binding arbitration. */
    private final Set<String> referred = new HashSet<>();
    /** Per agency, the reasons the street's binding decisions ruled out for it. */
    private final Map<String, Set<ReturnReason>> bound = new HashMap<>();

    boolean isReferred(String returnedAgencyId) {
        return referred.contains(returnedAgencyId);
    }

    /** The round's reasons including a return about to be made, as a referral lists them. */
    List<ReturnReason> reasonsWith(ReturnReason reason) {
        Set<ReturnReason> reasons = new LinkedHashSet<>(roundReasons);
        reasons.add(reason);
        return List.copyOf(reasons);
    }

    List<ReturnReason> roundReasons() {
        return List.copyOf(roundReasons);
    }

    /** Refuses a return the street's binding arbitration has ruled out for this agency. */
    void requireNotBound(String agencyId, ReturnReason reason, String orderId) {
        Set<ReturnReason> ruledOut = bound.get(agencyId);
        if (ruledOut != null && ruledOut.contains(reason)) {
            throw DomainRuleViolation.conflict("bound-by-arbitration", "The street's arbitration of " + orderId
                    + " is binding: it gave the part to " + agencyId + " after returns as " + ruledOut + ", so "
                    + agencyId + " cannot return it again as " + reason);
        }
    }

    // --- state, rebuilt from the order's events

    @EventSourcingHandler
    void on(DispatchOrderReturned e) {
        roundReasons.add(e.reason());
    }

    @EventSourcingHandler
    void on(DispatchOrderReferredToArbitration e) {
        referred.add(e.returnedAgencyId());
    }

    @EventSourcingHandler
    void on(DispatchOrderArbitrated e) {
        referred.remove(e.returnedAgencyId());
        bound.computeIfAbsent(e.boundAgencyId(), k -> new HashSet<>()).addAll(new ArrayList<>(e.bindingReasons()));
    }
}
