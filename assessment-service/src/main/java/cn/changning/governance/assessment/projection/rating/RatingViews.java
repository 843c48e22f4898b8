package cn.changning.governance.assessment.projection.rating;

import cn.changning.governance.contracts.assessment.AgencyScoringInputs;
import cn.changning.governance.contracts.assessment.PublishedScoreCard;
import cn.changning.governance.contracts.assessment.StreetScoringInputs;

import java.util.List;
import java.util.Map;

/** What the ratings' read models answer. */
public final class RatingViews {

    private RatingViews() {
    }

    /** A period: its schemes and state (OPEN, SCORED, CONFIRMED); version = the period aggregate's (its ETag). */
    public record PeriodView(String periodId, String periodKind, String agencySchemeId, String streetSchemeId, String state,
                             Integer agenciesScored, Integer streetsScored, String openedAt, String scoredAt,
                             String confirmedAt, long version) {
    }

    /** One line of an agency scoreboard: rank 1 = highest total (equal totals share a rank). */
    public record AgencyRow(int rank, String agencyId, String streetCode, String agencyType, String parentDepartment,
                            Double total, String proposedGrade, String streetGrade, String departmentGrade,
                            int corrections, Boolean headEligible, long version) {
    }

    /** An agency's rating in full: the card, the inputs, both ratings, corrections and eligibility. */
    public record AgencyRating(AgencyRow row, String periodId, AgencyScoringInputs inputs, PublishedScoreCard card,
                               String streetReason, String streetRatedBy, String departmentCode, String headStaffId,
                               String eligibilityReason, List<Map<String, Object>> correctionLog) {
    }

    /** One line of the street ranking. */
    public record StreetRow(int rank, String streetCode, int year, Double total, boolean confirmed, int corrections, long version) {
    }

    /** A street's sheet in full; the card's lines with corrections applied. */
    public record StreetSheet(StreetRow row, StreetScoringInputs inputs, PublishedScoreCard card,
                              Map<String, Double> recordedItems, List<Map<String, Object>> correctionLog) {
    }

    /** The head's award eligibility for a year, per agency. */
    public record Eligibility(String agencyId, String headStaffId, int year, boolean eligible, String reason,
                              String streetGrade, String departmentGrade) {
    }
}
