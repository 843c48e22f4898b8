package cn.changning.governance.partyregistry.domain.worker;

import cn.changning.governance.contracts.personal.SealedValue;
import org.axonframework.commandhandling.RoutingKey;

/**
 * Register a party-and-mass worker (党群工作者) of a street; the name arrives sealed for {@code party-worker:<workerId>}.
 * The same registration again changes nothing; another under the same id is refused.
 *
 * @param workerId {@code RegistryIds.worker(staffNumber)}
 */
public record RegisterPartyWorker(
        @RoutingKey String workerId,
        String staffNumber,
        SealedValue name,
        String streetCode,
        boolean fullTime) {
}
