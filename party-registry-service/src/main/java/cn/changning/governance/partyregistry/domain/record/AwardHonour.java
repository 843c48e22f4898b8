package cn.changning.governance.partyregistry.domain.record;

import cn.changning.governance.contracts.registry.HonourLevel;

import java.time.LocalDate;

/**
 * Record an honour conferred on an organisation or one of its members.
 *
 * @param memberId null when the organisation itself is honoured
 */
public record AwardHonour(String honourId, String organizationId, String memberId, String title, HonourLevel level,
                          LocalDate awardedOn, String recordedBy) {
}
