package cn.changning.governance.partyregistry.api;

import cn.changning.governance.common.web.Identifiers;
import cn.changning.governance.contracts.registry.PartyMemberCategory;
import cn.changning.governance.contracts.registry.PartyOrganizationKind;
import cn.changning.governance.contracts.registry.PartyOrganizationLevel;
import cn.changning.governance.contracts.registry.ResidentUnitCategory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The bodies of the registry's requests; the answers to a registration. */
public final class RegistryRequests {

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String CODE_MESSAGE = "must be a code: letters, digits and . _ -, at most 64 characters";
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String UUID_MESSAGE = "must be a registry id (a lower-case UUID)";

    private RegistryRequests() {
    }

    /** A registration's answer: the record's id (derived from its code) and version, also the ETag. */
    public record Registered(String id, long version) {
    }

    public record RegisterOrganization(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull PartyOrganizationKind kind,
            @NotNull PartyOrganizationLevel level,
            @Pattern(regexp = UUID, message = UUID_MESSAGE) String parentId,
            @NotBlank @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String streetCode,
            @Pattern(regexp = Identifiers.RESIDENTIAL_AREA, message = Identifiers.RESIDENTIAL_AREA_MESSAGE) String residentialAreaCode,
            LocalDate foundedOn) {
    }

    /** The personal fields arrive in clear over TLS and are sealed before anything is recorded. */
    public record RegisterMember(
            @NotBlank @Pattern(regexp = UUID, message = UUID_MESSAGE) String organizationId,
            @NotBlank @Size(max = 50) String name,
            @NotBlank String identityNumber,
            @Pattern(regexp = "\\+?[0-9 -]{5,20}", message = "must be a phone number: digits, spaces, dashes, a leading +") String phone,
            @Size(max = 200) String address,
            @NotNull PartyMemberCategory category,
            @NotNull LocalDate joinedOn) {
    }

    public record TransferMembership(
            @NotBlank @Pattern(regexp = UUID, message = UUID_MESSAGE) String toOrganizationId,
            @NotNull LocalDate transferredOn,
            @Size(max = 500) String reason) {
    }

    public record RegisterBuilding(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String streetCode,
            @Pattern(regexp = Identifiers.RESIDENTIAL_AREA, message = Identifiers.RESIDENTIAL_AREA_MESSAGE) String residentialAreaCode,
            @NotNull @Min(1) @Max(300) Integer floors) {
    }

    public record RegisterResidentUnit(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String creditCode,
            @NotBlank @Size(max = 200) String name,
            @NotNull ResidentUnitCategory category,
            @NotBlank @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String streetCode,
            @Pattern(regexp = Identifiers.RESIDENTIAL_AREA, message = Identifiers.RESIDENTIAL_AREA_MESSAGE) String residentialAreaCode,
            @Pattern(regexp = UUID, message = UUID_MESSAGE) String buildingId,
            @NotNull @Min(0) Integer employees) {
    }

    /** A youth-league organisation or a trade union. */
    public record RegisterMassOrganization(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String streetCode,
            @Pattern(regexp = UUID, message = UUID_MESSAGE) String unitId,
            @NotNull @Min(0) Integer members) {
    }

    public record RegisterPartyWorker(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String staffNumber,
            @NotBlank @Size(max = 50) String name,
            @NotBlank @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String streetCode,
            @NotNull Boolean fullTime) {
    }
}
