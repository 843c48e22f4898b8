package cn.changning.governance.cases.api;

import cn.changning.governance.common.web.Identifiers;
import cn.changning.governance.contracts.cases.CaseResolution;
import cn.changning.governance.contracts.cases.RejectionReason;
import cn.changning.governance.contracts.cases.Satisfaction;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The bodies of the actions on a case. Who acts is the caller of the request, from its token; a body may still name
 * it (as clients did before tokens), but naming anyone else is refused. The case's rules check the rest.
 */
public final class CaseActionRequests {

    static final String ACTOR_DOC = "Optional: the caller's token decides who acts. If given, it must be the caller's "
            + "client id (e.g. street-310105001), else 403 actor-mismatch";

    private CaseActionRequests() {
    }

    public record FileRequest(
            @Schema(description = "The catalogue item; omit to keep the reported one")
            @Pattern(regexp = "\\d{4}", message = "must be a 4-digit item code") String itemCode,
            @Schema(description = "The residential area, if known; must lie in the grid the location resolves to")
            @Pattern(regexp = "\\d{12}", message = "must be a 12-digit residential area code") String residentialAreaCode,
            @Schema(description = ACTOR_DOC) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String filedBy) {
    }

    public record RejectRequest(
            @Schema(description = "INVALID or OUT_OF_SCOPE; duplicates use mark-duplicate")
            @NotNull RejectionReason reason,
            @Size(max = 1000) String note,
            @Schema(description = ACTOR_DOC) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String rejectedBy) {
    }

    public record MarkDuplicateRequest(
            @NotBlank @Pattern(regexp = Identifiers.ID, message = Identifiers.ID_MESSAGE) String originalCaseId,
            @Size(max = 1000) String note,
            @Schema(description = ACTOR_DOC) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String markedBy) {
    }

    public record VerifyRequest(
            @Schema(description = "Whether the on-site check found the problem fixed")
            @NotNull Boolean fixed,
            @Size(max = 1000) String note,
            @Schema(description = ACTOR_DOC) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String verifiedBy) {
    }

    public record CloseRequest(
            @NotNull CaseResolution resolution,
            @Size(max = 1000) String note,
            @Schema(description = ACTOR_DOC) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String closedBy) {
    }

    public record SendBackRequest(
            @NotBlank @Size(max = 1000) String reason,
            @Schema(description = ACTOR_DOC) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String verifiedBy) {
    }

    public record FeedbackRequest(
            @NotNull Satisfaction satisfaction,
            @Size(max = 1000) String comment,
            @Schema(description = ACTOR_DOC) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String recordedBy) {
    }

    public record ReopenRequest(
            @NotBlank @Size(max = 1000) String reason,
            @Schema(description = ACTOR_DOC) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String reopenedBy) {
    }

    public record SuspendRequest(
            @NotBlank @Size(max = 1000) String reason,
            @NotBlank @Size(max = 100) String approvedBy,
            @Schema(description = ACTOR_DOC) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String suspendedBy) {
    }

    public record ResumeRequest(
            @Schema(description = ACTOR_DOC) @Pattern(regexp = Identifiers.ACTOR, message = Identifiers.ID_MESSAGE) String resumedBy) {
    }
}
