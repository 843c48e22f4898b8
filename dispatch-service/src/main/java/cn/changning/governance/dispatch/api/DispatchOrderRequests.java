package cn.changning.governance.dispatch.api;

import cn.changning.governance.contracts.dispatch.ReturnReason;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** Request bodies of the dispatch order actions, one per action. */
public final class DispatchOrderRequests {

    private DispatchOrderRequests() {
    }

    public record Accept(@NotBlank @Schema(description = "The accepting agency", example = "310105001-squad") String agencyId) {
    }

    public record Return(@NotBlank String agencyId, @NotNull ReturnReason reason, @Size(max = 2000) String note) {
    }

    public record Reassign(@NotBlank @Schema(description = "The agency whose return is arbitrated") String returnedAgencyId,
                           @NotBlank @Schema(description = "The agency that takes the part over") String toAgencyId,
                           @NotBlank @Schema(description = "Who at the street centre decided") String arbitratedBy,
                           @Size(max = 2000) String note) {
    }

    public record Reissue(@NotBlank String returnedAgencyId, @NotBlank String arbitratedBy, @Size(max = 2000) String note) {
    }

    public record Report(@NotBlank String agencyId,
                         @NotNull @Pattern(regexp = "RESOLVED|PARTIALLY_RESOLVED|NOT_RESOLVABLE") String result,
                         @Size(max = 2000) String note,
                         @Size(max = 20) List<@Pattern(regexp = "https?://\\S+") String> photoUrls) {
    }

    public record Confirm(@NotBlank String agencyId, @Size(max = 2000) String note) {
    }

    public record RequestExtension(@NotBlank String agencyId, @NotBlank @Size(max = 2000) String reason,
                                   @NotNull @Future Instant requestedDeadline) {
    }

    public record Approve(@NotBlank String decidedBy) {
    }

    public record Refuse(@NotBlank String decidedBy, @NotBlank @Size(max = 2000) String reason) {
    }
}
