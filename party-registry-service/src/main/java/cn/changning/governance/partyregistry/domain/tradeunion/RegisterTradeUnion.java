package cn.changning.governance.partyregistry.domain.tradeunion;

import org.axonframework.commandhandling.RoutingKey;

/**
 * Register a trade union (工会). The same registration again changes nothing; another under the same id is refused.
 *
 * @param unitId  the resident unit it belongs to; null when none
 * @param members its number of members
 */
public record RegisterTradeUnion(
        @RoutingKey String tradeUnionId,
        String code,
        String name,
        String streetCode,
        String unitId,
        int members) {
}
