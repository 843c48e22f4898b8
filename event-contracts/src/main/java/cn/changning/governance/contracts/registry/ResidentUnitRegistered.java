package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;

/**
 * A resident unit (驻区单位) was registered.
 *
 * @param unitId              UUID v3 of {@code resident-unit:<creditCode>}
 * @param creditCode          the unified social credit code
 * @param residentialAreaCode null when not in a residential area
 * @param buildingId          the office building it is in; null when none
 */
@PublishedEvent(context = "party-registry")
public record ResidentUnitRegistered(
        String unitId,
        String creditCode,
        String name,
        ResidentUnitCategory category,
        String streetCode,
        String residentialAreaCode,
        String buildingId,
        int employees) {
}
