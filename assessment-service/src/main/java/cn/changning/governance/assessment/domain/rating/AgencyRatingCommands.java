package cn.changning.governance.assessment.domain.rating;

import cn.changning.governance.assessment.domain.scoring.AgencyInputs;
import cn.changning.governance.assessment.domain.scoring.Grade;
import cn.changning.governance.assessment.domain.scoring.ScoreCard;
import cn.changning.governance.contracts.assessment.RatingSide;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * The commands an {@link AgencyAssessment} takes. {@code expectedVersion} is the version the caller read (its
 * If-Match); null means whatever the current version is. The actor fields come from the caller's token.
 */
public final class AgencyRatingCommands {

    private AgencyRatingCommands() {
    }

    /**
     * Begins an agency's assessment for a period (scoring sends it the first time it scores the agency).
     *
     * @param parentDepartment the department that rates it; null for a street team (no department rating)
     */
    public record OpenAgencyAssessment(@TargetAggregateIdentifier String assessmentId, String periodId,
                                       String agencyId, String streetCode, String agencyType, String parentDepartment,
                                       String openedBy, Instant openedAt) {
    }

    /** Scoring proposes the street's rating: the inputs and the card they earned under the period's scheme. */
    public record ProposeAgencyRating(@TargetAggregateIdentifier String assessmentId, AgencyInputs inputs, ScoreCard card,
                                      String proposedBy, Instant proposedAt) {
    }

    /**
     * The street centre confirms the rating.
     *
     * @param streetCode the caller's street (from the token): only the agency's own street confirms
     * @param grade      null or the proposed grade: confirms the proposal; another grade needs a reason
     */
    public record ConfirmStreetRating(@TargetAggregateIdentifier String assessmentId, String streetCode, Grade grade,
                                      String reason, String ratedBy, Instant ratedAt,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * The parent department rates the agency, naming its head for the period by an opaque staff id.
     *
     * @param departmentCode the caller's department (from the token)
     */
    public record RateAgencyByDepartment(@TargetAggregateIdentifier String assessmentId, String departmentCode, Grade grade,
                                         String headStaffId, String ratedBy, Instant ratedAt,
                                         @TargetAggregateVersion Long expectedVersion) {
    }

    /** A confirmed rating (the street's or the department's) corrected, with a reason, by the district. */
    public record CorrectAgencyRating(@TargetAggregateIdentifier String assessmentId, RatingSide side, Grade grade,
                                      String reason, String correctedBy, Instant correctedAt,
                                      @TargetAggregateVersion Long expectedVersion) {
    }
}
