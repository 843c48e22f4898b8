package cn.changning.governance.contracts.assessment;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** Whether the agency's head may receive the year's excellence award (only when the department rated the agency EXCELLENT), with the reason; for YEAR periods, on the department's rating and on every change of it. */
@PublishedEvent(context = "assessment")
public record AgencyHeadAwardEligibilityDetermined(
        String assessmentId,
        String periodId,
        String agencyId,
        String headStaffId,
        boolean eligible,
        String reason,
        Instant determinedAt) {
}
