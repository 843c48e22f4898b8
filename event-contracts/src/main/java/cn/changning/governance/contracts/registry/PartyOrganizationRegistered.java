package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.LocalDate;

/**
 * A party organisation was registered at its place in the hierarchy.
 *
 * @param organizationId      UUID v3 of {@code party-organization:<code>}
 * @param parentId            null for a top-level committee
 * @param residentialAreaCode null when the organisation belongs to no residential area
 * @param foundedOn           null when not known
 */
@PublishedEvent(context = "party-registry")
public record PartyOrganizationRegistered(
        String organizationId,
        String code,
        String name,
        PartyOrganizationKind kind,
        PartyOrganizationLevel level,
        String parentId,
        String streetCode,
        String residentialAreaCode,
        LocalDate foundedOn) {
}
