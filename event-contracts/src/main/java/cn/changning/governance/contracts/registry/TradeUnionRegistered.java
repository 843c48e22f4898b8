package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;

/**
 * A trade union (工会) was registered.
 *
 * @param tradeUnionId UUID v3 of {@code trade-union:<code>}
 * @param unitId       the resident unit it belongs to; null when none
 * @param members      its number of union members
 */
@PublishedEvent(context = "party-registry")
public record TradeUnionRegistered(
        String tradeUnionId,
        String code,
        String name,
        String streetCode,
        String unitId,
        int members) {
}
