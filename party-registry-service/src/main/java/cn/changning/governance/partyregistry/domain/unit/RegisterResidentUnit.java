package cn.changning.governance.partyregistry.domain.unit;

import cn.changning.governance.contracts.registry.ResidentUnitCategory;
import org.axonframework.commandhandling.RoutingKey;

/**
 * Register a resident unit (驻区单位). The same registration again changes nothing; another under the same id is refused.
 *
 * @param unitId              {@code RegistryIds.residentUnit(creditCode)}
 * @param residentialAreaCode null when not in a residential area
 * @param buildingId          the office building it is in; null when none
 */
public record RegisterResidentUnit(
        @RoutingKey String unitId,
        String creditCode,
        String name,
        ResidentUnitCategory category,
        String streetCode,
        String residentialAreaCode,
        String buildingId,
        int employees) {
}
