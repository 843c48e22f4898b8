package cn.changning.governance.partyregistry.api;

import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.common.web.ETags;
import cn.changning.governance.common.web.Identifiers;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.contracts.registry.PartyOrganizationKind;
import cn.changning.governance.partyregistry.api.RegistryRequests.RegisterOrganization;
import cn.changning.governance.partyregistry.api.RegistryRequests.Registered;
import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.partyregistry.domain.organization.RegisterPartyOrganization;
import cn.changning.governance.partyregistry.projection.member.MemberQueries;
import cn.changning.governance.partyregistry.projection.organization.OrganizationQueries;
import cn.changning.governance.partyregistry.projection.organization.OrganizationView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping("/api/v1/party/organizations")
@Tag(name = "Party organisations", description = "The hierarchy of committees, general branches and branches, by kind and place")
public class OrganizationController {

    private final CommandGateway commands;
    private final OrganizationQueries organizations;
    private final MemberQueries members;
    private final PersonalData personalData;

    public OrganizationController(CommandGateway commands, OrganizationQueries organizations, MemberQueries members,
                                  PersonalData personalData) {
        this.commands = commands;
        this.organizations = organizations;
        this.members = members;
        this.personalData = personalData;
    }

    @PostMapping
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Register a party organisation",
            description = "Its id is derived from its code (the same code, the same id). A branch belongs to a general "
                    + "branch or a committee, a general branch to a committee, a committee to none or a committee; the "
                    + "parent must be registered (422 unknown-parent, parent-level-not-allowed). The street and residential "
                    + "area must be the reference geography's, the area in the street (422); a RESIDENTIAL_AREA "
                    + "organisation names its area. The same registration again answers the same (nothing changes); "
                    + "another under the same code is refused (409 organization-registered-differently).")
    public ResponseEntity<Registered> register(@Valid @RequestBody RegisterOrganization body) {
        String id = RegistryIds.organization(body.code());
        long version = CommandVersions.of(commands.sendAndWait(new RegisterPartyOrganization(id, body.code(), body.name(), body.kind(),
                body.level(), body.parentId(), body.streetCode(), body.residentialAreaCode(), body.foundedOn())));
        return ResponseEntity.created(URI.create("/api/v1/party/organizations/" + id)).eTag(ETags.of(version))
                .body(new Registered(id, version));
    }

    @GetMapping("/{organizationId}")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "One organisation, its version as ETag", description = "From the read model: one registered a moment ago answers 404 until it is projected.")
    public ResponseEntity<OrganizationView> find(@PathVariable String organizationId) {
        OrganizationView view = organizations.find(organizationId)
                .orElseThrow(() -> new NotFoundException("party organisation", organizationId));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @GetMapping
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "Organisations by code, paged", description = "Every filter is optional: street, kind, parent (the parent's id).")
    public Page<OrganizationView> list(
            @Parameter(description = "9-digit street code") @RequestParam(required = false) @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String street,
            @RequestParam(required = false) PartyOrganizationKind kind,
            @Parameter(description = "The parent organisation's id") @RequestParam(required = false) @Pattern(regexp = RegistryRequests.UUID, message = RegistryRequests.UUID_MESSAGE) String parent,
            PageQuery page) {
        return organizations.list(street, kind, parent, page);
    }

    @GetMapping("/{organizationId}/members")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "The members of one organisation, paged, by joining date",
            description = "Personal values in clear with the scope registry:personal-data, masked without it (张**, "
                    + "138****5678), null for an erased member (erased: true).")
    public Page<MemberAnswers.Member> members(@PathVariable String organizationId, PageQuery page, Authentication caller) {
        organizations.find(organizationId).orElseThrow(() -> new NotFoundException("party organisation", organizationId));
        return members.ofOrganization(organizationId, page).map(m -> MemberAnswers.member(m, personalData, caller));
    }
}
