package cn.changning.governance.partyregistry.domain.organization;

import cn.changning.governance.contracts.registry.PartyOrganizationKind;
import cn.changning.governance.contracts.registry.PartyOrganizationLevel;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The organisations a fixture test says are registered (the service reads them from the event store). */
public final class FixedOrganizationDirectory implements OrganizationDirectory {

    private final Map<String, RegisteredOrganization> organizations = new HashMap<>();

    public FixedOrganizationDirectory with(String id, PartyOrganizationLevel level, String streetCode, String areaCode) {
        organizations.put(id, new RegisteredOrganization(id, level, PartyOrganizationKind.RESIDENTIAL_AREA, streetCode, areaCode));
        return this;
    }

    @Override
    public Optional<RegisteredOrganization> find(String organizationId) {
        return Optional.ofNullable(organizations.get(organizationId));
    }
}
