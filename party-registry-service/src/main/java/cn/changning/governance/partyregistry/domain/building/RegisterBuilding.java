package cn.changning.governance.partyregistry.domain.building;

import org.axonframework.commandhandling.RoutingKey;

/**
 * Register an office building (楼宇). The same registration again changes nothing; another under the same id is refused.
 *
 * @param buildingId          {@code RegistryIds.building(code)}
 * @param residentialAreaCode null when not in a residential area
 */
public record RegisterBuilding(
        @RoutingKey String buildingId,
        String code,
        String name,
        String streetCode,
        String residentialAreaCode,
        int floors) {
}
