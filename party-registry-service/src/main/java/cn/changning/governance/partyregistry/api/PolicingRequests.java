package cn.changning.governance.partyregistry.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The bodies of the residential-area and police-officer actions. */
public final class PolicingRequests {

    static final String UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private PolicingRequests() {
    }

    @Schema(description = "Appoint the area's party secretary. The identity number is used only to derive the secretary's "
            + "id (a keyed pseudonym) and birth year; it is never stored. The name is sealed before the command.")
    public record SecretaryAppointment(
            @NotBlank @Size(max = 64) String name,
            @NotBlank @Schema(example = "310105198001011234") String identityNumber,
            @NotNull Boolean careerEstablishment,
            @NotNull LocalDate appointedOn) {
    }

    @Schema(description = "Put a registered officer in post in the area (first in: a successor is assigned while the "
            + "predecessor is still in post).")
    public record OfficerAssignment(@NotBlank @Pattern(regexp = UUID_PATTERN) String officerId, @NotNull LocalDate inPostFrom) {
    }

    @Schema(description = "Release an officer from post (then out).")
    public record OfficerRelease(@NotNull LocalDate releasedOn) {
    }

    @Schema(description = "Cross-appoint the area's officer in post, a party member, as deputy party secretary.")
    public record DeputyAppointment(@NotBlank @Pattern(regexp = UUID_PATTERN) String officerId, @NotNull LocalDate appointedOn) {
    }

    @Schema(description = "Register a community police officer. The name is sealed before the command.")
    public record OfficerRegistration(
            @NotBlank @Size(max = 32) @Pattern(regexp = "^[A-Za-z0-9-]{1,32}$") String badgeNumber,
            @NotBlank @Size(max = 64) String name,
            @Pattern(regexp = UUID_PATTERN) @Schema(description = "The officer's party membership in the registry, or "
                    + "null when not a party member") String partyMemberId,
            @Schema(description = "When the officer joined the party (needs partyMemberId)") LocalDate joinedPartyOn,
            @NotBlank @Pattern(regexp = "^[0-9]{9}$") String streetCode) {
    }
}
