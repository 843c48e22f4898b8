package cn.changning.governance.partyregistry.domain.organization;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.registry.PartyOrganizationKind;
import cn.changning.governance.contracts.registry.PartyOrganizationLevel;
import cn.changning.governance.contracts.registry.PartyOrganizationRegistered;
import cn.changning.governance.partyregistry.domain.RegistryPlaces;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A party organisation (党组织): its level in the hierarchy (committee → general branch → branch), its kind and its
 * place. Holds the rules only; the parent's level comes from the {@link OrganizationDirectory}.
 */
public class PartyOrganization {

    static final int MAX_NAME = 200;
    static final int MAX_CODE = 64;

    @AggregateIdentifier
    private String organizationId;
    private PartyOrganizationRegistered registration;

    public PartyOrganization() {
        // for Axon: created by the first registration, rebuilt from its events
    }

    /**
     * Registers, or finds the same registration again (nothing new). Called by {@code Registrations} on the
     * aggregate it loaded or created: a registration is create-or-verify, see there.
     */
    public void register(RegisterPartyOrganization command, Geography geography, OrganizationDirectory directory) {
        PartyOrganizationRegistered registered = new PartyOrganizationRegistered(command.organizationId(),
                command.code(), command.name(), command.kind(), command.level(), command.parentId(),
                command.streetCode(), command.residentialAreaCode(), command.foundedOn());
        if (registration != null) {
            requireSameRegistration(registered);
            return; // the same registration again (a re-run import): nothing new
        }
        RegistryPlaces.requireText(command.code(), "code", MAX_CODE);
        RegistryPlaces.requireText(command.name(), "name", MAX_NAME);
        if (command.kind() == null) {
            throw DomainRuleViolation.invalid("kind-missing", "kind", "An organisation needs its kind");
        }
        if (command.level() == null) {
            throw DomainRuleViolation.invalid("level-missing", "level", "An organisation needs its level");
        }
        RegistryPlaces.requirePlace(geography, command.streetCode(), command.residentialAreaCode());
        if (command.kind() == PartyOrganizationKind.RESIDENTIAL_AREA && command.residentialAreaCode() == null) {
            throw DomainRuleViolation.invalid("residential-area-missing", "residentialAreaCode",
                    "A residential area's organisation names its residential area");
        }
        requireParent(command, directory);
        apply(registered);
    }

    /** A branch hangs under a general branch or a committee, a general branch under a committee, a committee under none or a committee. */
    private static void requireParent(RegisterPartyOrganization command, OrganizationDirectory directory) {
        String parentId = command.parentId();
        if (parentId == null) {
            if (command.level() != PartyOrganizationLevel.COMMITTEE) {
                throw DomainRuleViolation.invalid("parent-missing", "parentId",
                        "A " + command.level() + " belongs to a " + (command.level() == PartyOrganizationLevel.BRANCH
                                ? "general branch or a committee" : "committee"));
            }
            return;
        }
        if (parentId.equals(command.organizationId())) {
            throw DomainRuleViolation.invalid("parent-is-itself", "parentId", "An organisation cannot be its own parent");
        }
        PartyOrganizationLevel parentLevel = directory.find(parentId)
                .orElseThrow(() -> DomainRuleViolation.invalid("unknown-parent", "parentId",
                        "No party organisation " + parentId + " is registered (register the parent first)"))
                .level();
        boolean fits = switch (command.level()) {
            case COMMITTEE, GENERAL_BRANCH -> parentLevel == PartyOrganizationLevel.COMMITTEE;
            case BRANCH -> parentLevel == PartyOrganizationLevel.COMMITTEE || parentLevel == PartyOrganizationLevel.GENERAL_BRANCH;
        };
        if (!fits) {
            throw DomainRuleViolation.invalid("parent-level-not-allowed", "parentId",
                    "A " + command.level() + " cannot belong to a " + parentLevel);
        }
    }

    private void requireSameRegistration(PartyOrganizationRegistered again) {
        if (!registration.equals(again)) {
            throw DomainRuleViolation.conflict("organization-registered-differently",
                    "Organisation " + organizationId + " (" + registration.code() + ") is registered already with other facts");
        }
    }

    @EventSourcingHandler
    void on(PartyOrganizationRegistered event) {
        organizationId = event.organizationId();
        registration = event;
    }
}
