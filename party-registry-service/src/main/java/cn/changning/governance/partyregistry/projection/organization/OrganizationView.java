package cn.changning.governance.partyregistry.projection.organization;

import cn.changning.governance.contracts.registry.PartyOrganizationKind;
import cn.changning.governance.contracts.registry.PartyOrganizationLevel;

import java.time.LocalDate;

/** A party organisation as the registry shows it. */
public record OrganizationView(String organizationId, String code, String name, PartyOrganizationKind kind,
                               PartyOrganizationLevel level, String parentId, String streetCode,
                               String residentialAreaCode, LocalDate foundedOn, long version) {
}
