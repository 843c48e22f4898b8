package cn.changning.governance.contracts.assessment;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** A confirmed rating (the street's or the department's) was corrected, with a reason and its author; vetoed=true when the department's EXCELLENT fell because a correction took the street's EXCELLENT away. */
@PublishedEvent(context = "assessment")
public record AgencyRatingCorrected(
        String assessmentId,
        String periodId,
        String agencyId,
        RatingSide side,
        AgencyGrade fromGrade,
        AgencyGrade toGrade,
        String reason,
        boolean vetoed,
        String correctedBy,
        Instant correctedAt) {
}
