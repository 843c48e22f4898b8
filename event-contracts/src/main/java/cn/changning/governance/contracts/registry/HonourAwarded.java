package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.LocalDate;

/**
 * An organisation, or one of its members, received an honour. The place is the organisation's.
 *
 * @param memberId null when the organisation itself was honoured
 */
@PublishedEvent(context = "party-registry")
public record HonourAwarded(
        String honourId,
        String organizationId,
        String memberId,
        String title,
        HonourLevel level,
        LocalDate awardedOn,
        String streetCode,
        String residentialAreaCode,
        String recordedBy) {
}
