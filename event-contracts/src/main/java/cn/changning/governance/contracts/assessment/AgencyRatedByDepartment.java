package cn.changning.governance.contracts.assessment;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** The agency's parent department rated it, under the veto rule (EXCELLENT only where the street rated EXCELLENT), naming its head for the period. */
@PublishedEvent(context = "assessment")
public record AgencyRatedByDepartment(
        String assessmentId,
        String periodId,
        String agencyId,
        String departmentCode,
        AgencyGrade grade,
        String headStaffId,
        String ratedBy,
        Instant ratedAt) {
}
