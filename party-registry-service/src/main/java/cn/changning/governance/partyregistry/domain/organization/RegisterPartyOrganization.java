package cn.changning.governance.partyregistry.domain.organization;

import cn.changning.governance.contracts.registry.PartyOrganizationKind;
import cn.changning.governance.contracts.registry.PartyOrganizationLevel;
import org.axonframework.commandhandling.RoutingKey;

import java.time.LocalDate;

/**
 * Register a party organisation at its place in the hierarchy. The same registration again changes nothing (an import
 * run twice); a different one under the same id is refused.
 *
 * @param organizationId      {@code RegistryIds.organization(code)}
 * @param parentId            null for a top-level committee
 * @param residentialAreaCode null when it belongs to no residential area (required for kind RESIDENTIAL_AREA)
 * @param foundedOn           null when not known
 */
public record RegisterPartyOrganization(
        @RoutingKey String organizationId,
        String code,
        String name,
        PartyOrganizationKind kind,
        PartyOrganizationLevel level,
        String parentId,
        String streetCode,
        String residentialAreaCode,
        LocalDate foundedOn) {
}
