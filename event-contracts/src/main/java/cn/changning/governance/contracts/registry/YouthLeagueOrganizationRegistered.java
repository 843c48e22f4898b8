package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;

/**
 * A youth-league organisation (团组织) was registered.
 *
 * @param youthLeagueOrganizationId UUID v3 of {@code youth-league:<code>}
 * @param unitId                    the resident unit it belongs to; null when none
 * @param members                   its number of league members
 */
@PublishedEvent(context = "party-registry")
public record YouthLeagueOrganizationRegistered(
        String youthLeagueOrganizationId,
        String code,
        String name,
        String streetCode,
        String unitId,
        int members) {
}
