package cn.changning.governance.assessment.domain.street;

import cn.changning.governance.assessment.domain.scoring.Scheme;
import cn.changning.governance.assessment.domain.scoring.StreetInputs;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** The commands a {@link StreetAssessment} takes; actors come from the caller's token. */
public final class StreetAssessmentCommands {

    private StreetAssessmentCommands() {
    }

    /** Begins a street's sheet for a year (on the first item score or the first scoring). */
    public record StartStreetAssessment(@TargetAggregateIdentifier String assessmentId, int year, String streetCode,
                                        String openedBy, Instant openedAt) {
    }

    /** The district records a street's points for an item no event measures (a RECORDED item), before confirmation. */
    public record RecordStreetItemScore(@TargetAggregateIdentifier String assessmentId, String itemCode, double points,
                                        String recordedBy, Instant recordedAt,
                                        @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * Scoring sets the sheet under the year's street scheme. The sheet adds the points the district recorded to the
     * measured inputs itself (they are its own facts) and scores them with the scheme (a pure function).
     *
     * @param measured the street's indicators and resident evaluation; its recorded points are ignored
     */
    public record AssessStreet(@TargetAggregateIdentifier String assessmentId, StreetInputs measured,
                               Scheme<StreetInputs> scheme, String assessedBy, Instant assessedAt) {
    }

    /** The period's confirmation confirms the sheet (a repeated confirmation changes nothing). */
    public record ConfirmStreetAssessment(@TargetAggregateIdentifier String assessmentId, String confirmedBy,
                                          Instant confirmedAt) {
    }

    /** The district corrects one item's points on a confirmed sheet, with a reason. */
    public record CorrectStreetAssessment(@TargetAggregateIdentifier String assessmentId, String itemCode, double points,
                                          String reason, String correctedBy, Instant correctedAt,
                                          @TargetAggregateVersion Long expectedVersion) {
    }
}
