package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;
import cn.changning.governance.contracts.personal.SealedValue;

/**
 * A party-and-mass worker (党群工作者) was registered in a street; the name is sealed for {@code party-worker:<workerId>}.
 *
 * @param workerId UUID v3 of {@code party-worker:<staffNumber>}
 * @param fullTime a full-time worker counts for the "one per 150 two-new organisations" ratio
 */
@PublishedEvent(context = "party-registry")
public record PartyWorkerRegistered(
        String workerId,
        String staffNumber,
        SealedValue name,
        String streetCode,
        boolean fullTime) {
}
