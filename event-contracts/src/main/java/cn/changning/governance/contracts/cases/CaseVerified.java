package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * A grid supervisor checked the handled case on site (step 5): fixed or not. A fixed case may be
 * closed; one not fixed is sent back for rework or closed as not fixed.
 */
@PublishedEvent(context = "case")
public record CaseVerified(
        String caseId,
        int round,
        boolean fixed,
        String note,
        String verifiedBy,
        Instant verifiedAt) {
}
