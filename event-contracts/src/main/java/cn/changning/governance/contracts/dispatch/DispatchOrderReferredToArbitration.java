package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;
import java.util.List;

/**
 * The order was returned as many times in its round as the rules allow before arbitration, so this
 * return went to the street's arbitration on its own: the street's next decision on the returned part
 * is binding ({@link DispatchOrderArbitrated}). {@code reasons} are the reasons of every return of the
 * round so far, the objections the arbitration settles.
 */
@PublishedEvent(context = "dispatch")
public record DispatchOrderReferredToArbitration(
        String orderId,
        String caseId,
        String returnedAgencyId,
        AgencyRole role,
        int returnCount,
        List<ReturnReason> reasons,
        Instant referredAt) {
}
