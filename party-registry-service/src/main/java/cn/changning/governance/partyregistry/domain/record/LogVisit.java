package cn.changning.governance.partyregistry.domain.record;

import java.time.LocalDate;

/**
 * Log a visit by a member of an organisation (or the organisation as a whole) to a resident unit or household.
 *
 * @param visitorMemberId null when the organisation visited as a whole
 * @param visitedUnitId   null for a household or other visit
 * @param summary         free text without personal data; null when none
 */
public record LogVisit(String visitId, String organizationId, String visitorMemberId, String visitedUnitId,
                       LocalDate visitedOn, String purpose, String summary, String recordedBy) {
}
