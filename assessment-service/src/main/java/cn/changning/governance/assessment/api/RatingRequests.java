package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.assessment.domain.scoring.Grade;
import cn.changning.governance.contracts.assessment.RatingSide;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The bodies of the ratings' actions. Actors are never in a body: they come from the token. */
final class RatingRequests {

    private RatingRequests() {
    }

    static final String SCHEME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    record OpenPeriod(@NotNull @Pattern(regexp = ReportingPeriod.PATTERN, message = "must be a year (2026), a quarter (2026-Q3) or a month (2026-07)") String period,
                      @Pattern(regexp = SCHEME, message = "must be a scheme id such as agency-2016.v1") String agencySchemeId,
                      @Pattern(regexp = SCHEME, message = "must be a scheme id such as street-2016.v1") String streetSchemeId) {
    }

    /** grade: null confirms the proposed grade; another grade needs a reason. */
    record StreetRating(Grade grade, @Size(max = 1000) String reason) {
    }

    record DepartmentRating(@NotNull Grade grade,
                            @NotNull @Pattern(regexp = "[A-Za-z0-9-]{3,40}", message = "must be an opaque staff id (3-40 letters, digits or dashes), never a name") String headStaffId) {
    }

    record RatingCorrection(@NotNull RatingSide side, @NotNull Grade grade, @NotBlank @Size(max = 1000) String reason) {
    }

    record ItemScore(@NotNull @Pattern(regexp = "[A-Za-z0-9.-]{1,20}", message = "must be an item code") String itemCode,
                     @NotNull @PositiveOrZero @DecimalMax(value = "100", message = "must be at most 100 (an item is worth at most 100 points)") Double points) {
    }

    record ItemCorrection(@NotNull @Pattern(regexp = "[A-Za-z0-9.-]{1,20}", message = "must be an item code") String itemCode,
                          @NotNull @PositiveOrZero @DecimalMax(value = "100", message = "must be at most 100 (an item is worth at most 100 points)") Double points, @NotBlank @Size(max = 1000) String reason) {
    }
}
