package cn.changning.governance.partyregistry.domain.youth;

import org.axonframework.commandhandling.RoutingKey;

/**
 * Register a youth-league organisation (团组织). The same registration again changes nothing; another under the same id is refused.
 *
 * @param unitId  the resident unit it belongs to; null when none
 * @param members its number of members
 */
public record RegisterYouthLeagueOrganization(
        @RoutingKey String youthLeagueOrganizationId,
        String code,
        String name,
        String streetCode,
        String unitId,
        int members) {
}
