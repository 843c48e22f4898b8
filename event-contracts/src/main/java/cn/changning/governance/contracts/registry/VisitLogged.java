package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.LocalDate;

/**
 * A member of an organisation visited a resident unit or household (走访日志). The visitor is named by member id only;
 * the summary must hold no personal data (the API says so).
 *
 * @param visitorMemberId null when the organisation visited as a whole
 * @param visitedUnitId   the resident unit visited; null for a household or other visit
 */
@PublishedEvent(context = "party-registry")
public record VisitLogged(
        String visitId,
        String organizationId,
        String visitorMemberId,
        String visitedUnitId,
        LocalDate visitedOn,
        String purpose,
        String summary,
        String streetCode,
        String residentialAreaCode,
        String recordedBy) {
}
