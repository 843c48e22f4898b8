package cn.changning.governance.contracts.assessment;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** An agency's assessment for a period began (on its first scoring), naming whom it answers to. */
@PublishedEvent(context = "assessment")
public record AgencyAssessmentOpened(
        String assessmentId,
        String periodId,
        String agencyId,
        String streetCode,
        String agencyType,
        String parentDepartment,
        String openedBy,
        Instant openedAt) {
}
