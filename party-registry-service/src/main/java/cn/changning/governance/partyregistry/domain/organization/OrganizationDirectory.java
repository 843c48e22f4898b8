package cn.changning.governance.partyregistry.domain.organization;

import cn.changning.governance.contracts.registry.PartyOrganizationKind;
import cn.changning.governance.contracts.registry.PartyOrganizationLevel;

import java.util.Optional;

/**
 * The registered organisations as the write side knows them (from the event store, not a read model, so a child
 * registered right after its parent finds it). Aggregates receive it as a handler parameter and ask about other
 * organisations: a parent's level, a transfer's target.
 */
public interface OrganizationDirectory {

    Optional<RegisteredOrganization> find(String organizationId);

    /** What another aggregate may rely on: none of it changes after registration. */
    record RegisteredOrganization(String organizationId, PartyOrganizationLevel level, PartyOrganizationKind kind,
                                  String streetCode, String residentialAreaCode) {
    }
}
