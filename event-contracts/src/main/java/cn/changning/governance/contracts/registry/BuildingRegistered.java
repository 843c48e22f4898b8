package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;

/**
 * An office building (楼宇) was registered.
 *
 * @param buildingId          UUID v3 of {@code building:<code>}
 * @param residentialAreaCode null when not in a residential area
 */
@PublishedEvent(context = "party-registry")
public record BuildingRegistered(
        String buildingId,
        String code,
        String name,
        String streetCode,
        String residentialAreaCode,
        int floors) {
}
