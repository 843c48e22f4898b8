package cn.changning.governance.partyregistry.api;

import cn.changning.governance.common.web.InvalidParameterException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The bodies of the residential-area and police-officer actions. */
public final class PolicingRequests {

    static final String UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    static final String IDENTITY_NUMBER = "^[0-9]{17}[0-9X]$";

    private PolicingRequests() {
    }

    @Schema(description = "Appoint the area's party secretary. The identity number is used only to derive the secretary's "
            + "id (a keyed pseudonym) and birth year; it is never stored. The name is sealed before the command.")
    public record SecretaryAppointment(
            @NotBlank @Size(max = 64) String name,
            @NotBlank @Pattern(regexp = IDENTITY_NUMBER) @Schema(example = "310105198001011234") String identityNumber,
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

    /**
     * The birth year an 18-digit resident identity number carries (digits 7-10), after its check digit (ISO 7064
     * MOD 11-2) and its birth date are verified.
     */
    static int birthYear(String identityNumber, String field) {
        if (identityNumber == null || !identityNumber.matches(IDENTITY_NUMBER.substring(1, IDENTITY_NUMBER.length() - 1))) {
            throw new InvalidParameterException(field, "must be an 18-digit resident identity number");
        }
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (identityNumber.charAt(i) - '0') * weights[i];
        }
        char check = "10X98765432".charAt(sum % 11);
        if (identityNumber.charAt(17) != check) {
            throw new InvalidParameterException(field, "has a wrong check digit");
        }
        try {
            return LocalDate.parse(identityNumber.substring(6, 10) + "-" + identityNumber.substring(10, 12) + "-"
                    + identityNumber.substring(12, 14)).getYear();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(field, "carries no valid birth date");
        }
    }
}
