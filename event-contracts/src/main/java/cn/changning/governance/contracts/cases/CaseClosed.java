package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The case was closed after verification (step 5): fixed, or closed not fixed.
 *
 * @param reworkCount how many times it went back to dispatch (reworks and reopenings)
 * @param onTime      closed by its deadline
 */
@PublishedEvent(context = "case")
public record CaseClosed(
        String caseId,
        CaseResolution resolution,
        String note,
        int reworkCount,
        boolean onTime,
        String closedBy,
        Instant closedAt) {
}
