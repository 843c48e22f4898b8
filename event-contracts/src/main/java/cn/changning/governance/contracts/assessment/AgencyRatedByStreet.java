package cn.changning.governance.contracts.assessment;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** The street centre of the agency's street confirmed its rating: the proposed grade, or another one with a reason. */
@PublishedEvent(context = "assessment")
public record AgencyRatedByStreet(
        String assessmentId,
        String periodId,
        String agencyId,
        String streetCode,
        AgencyGrade grade,
        AgencyGrade proposedGrade,
        String reason,
        String ratedBy,
        Instant ratedAt) {
}
