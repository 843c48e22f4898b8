package cn.changning.governance.dispatch.api;

import cn.changning.governance.common.web.Identifiers;
import cn.changning.governance.contracts.dispatch.ReturnReason;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * Request bodies of the dispatch order actions, one per action. Who acts comes from the caller's token, not from
 * here: the actor fields ({@code agencyId}, {@code arbitratedBy}, {@code decidedBy}) may be left out, and one that
 * names someone other than the caller is refused with 403 {@code actor-mismatch} (see {@link ActingParty}).
 */
public final class DispatchOrderRequests {

    static final String AGENCY_DOC = "Optional; the caller's token decides; if given it must be the caller. "
            + "An agency acts as itself. A street centre acts for its street's own team (this names the team, or is "
            + "left out); the district centre acts for a district unit, which this must name. "
            + "While the token checks are off (GOVERNANCE_SECURITY_ENABLED=false) it is required.";
    static final String DECIDER_DOC = "Optional; the caller's token decides; if given it must be the caller "
            + "(its client id, e.g. street-310105001). Recorded as who decided. "
            + "While the token checks are off (GOVERNANCE_SECURITY_ENABLED=false) it is required.";

    private DispatchOrderRequests() {
    }

    public record Accept(@Schema(description = AGENCY_DOC, example = "310105001-squad", requiredMode = Schema.RequiredMode.NOT_REQUIRED)
                         @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String agencyId) {
    }

    public record Return(@Schema(description = AGENCY_DOC, requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String agencyId,
                         @NotNull ReturnReason reason, @Size(max = 2000) String note) {
    }

    public record Reassign(@NotBlank @Pattern(regexp = Identifiers.ID, message = Identifiers.ID_MESSAGE) @Schema(description = "The agency whose return is arbitrated") String returnedAgencyId,
                           @NotBlank @Pattern(regexp = Identifiers.ID, message = Identifiers.ID_MESSAGE) @Schema(description = "The agency that takes the part over") String toAgencyId,
                           @Schema(description = DECIDER_DOC, requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String arbitratedBy,
                           @Size(max = 2000) String note) {
    }

    public record Reissue(@NotBlank @Pattern(regexp = Identifiers.ID, message = Identifiers.ID_MESSAGE) String returnedAgencyId,
                          @Schema(description = DECIDER_DOC, requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String arbitratedBy,
                          @Size(max = 2000) String note) {
    }

    public record Report(@Schema(description = AGENCY_DOC, requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String agencyId,
                         @NotNull @Pattern(regexp = "RESOLVED|PARTIALLY_RESOLVED|NOT_RESOLVABLE") String result,
                         @Size(max = 2000) String note,
                         @Size(max = 20) List<@Pattern(regexp = "https?://\\S+") @Size(max = 2000) String> photoUrls) {
    }

    public record Confirm(@Schema(description = AGENCY_DOC, requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String agencyId,
                          @Size(max = 2000) String note) {
    }

    public record RequestExtension(@Schema(description = AGENCY_DOC, requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String agencyId,
                                   @NotBlank @Size(max = 2000) String reason,
                                   @NotNull @Future Instant requestedDeadline) {
    }

    public record Approve(@Schema(description = DECIDER_DOC, requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String decidedBy) {
    }

    public record Refuse(@Schema(description = DECIDER_DOC, requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String decidedBy,
                         @NotBlank @Size(max = 2000) String reason) {
    }
}
