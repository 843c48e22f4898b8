package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;
import java.util.List;

/**
 * The street decided a return referred to its arbitration, and the decision is binding: the agency it
 * chose ({@code boundAgencyId}: the one it reassigned the part to, or the returning agency itself when it
 * upheld the dispatch) can no longer return this order for any of {@code bindingReasons}. Follows the
 * {@link DispatchOrderReassigned} or {@link DispatchOrderReissued} that carried the decision out.
 */
@PublishedEvent(context = "dispatch")
public record DispatchOrderArbitrated(
        String orderId,
        String caseId,
        String returnedAgencyId,
        String boundAgencyId,
        AgencyRole role,
        List<ReturnReason> bindingReasons,
        String arbitratedBy,
        Instant arbitratedAt) {
}
