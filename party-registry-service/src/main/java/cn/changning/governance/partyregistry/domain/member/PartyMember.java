package cn.changning.governance.partyregistry.domain.member;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.contracts.registry.PartyMemberDataErased;
import cn.changning.governance.contracts.registry.PartyMemberRegistered;
import cn.changning.governance.contracts.registry.PartyMembershipTransferred;
import cn.changning.governance.partyregistry.domain.AggregateVersions;
import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.partyregistry.domain.RegistryPlaces;
import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory;
import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory.RegisteredOrganization;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.LocalDate;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A party member (党员): the organisation that holds the membership, its history of transfers, and whether the member's
 * personal data was erased. The aggregate sees personal values sealed only and never opens them.
 */
public class PartyMember {

    /** The Party admits members from the age of 18. */
    static final int MINIMUM_AGE = 18;
    static final int MAX_REASON = 500;

    @AggregateIdentifier
    private String memberId;
    private PartyMemberRegistered registration;
    private String organizationId;
    /** The day of the latest change of organisation (joining or a transfer): a transfer cannot come before it. */
    private LocalDate relationSince;
    private boolean erased;

    public PartyMember() {
        // for Axon: created by the first registration, rebuilt from its events
    }

    /**
     * Registers, or finds the same registration again (nothing new). Called by {@code Registrations} on the
     * aggregate it loaded or created: a registration is create-or-verify, see there.
     */
    public void register(RegisterPartyMember command, Geography geography, OrganizationDirectory directory) {
        if (registration != null) {
            if (erased) {
                throw DomainRuleViolation.conflict("member-data-erased",
                        "Member " + memberId + " was erased; the registration cannot be recorded again");
            }
            requireSameFacts(command);
            return; // the same person again (a re-run import): nothing new
        }
        String subject = RegistryIds.memberSubject(command.memberId());
        requireSealed(command.name(), "name", subject, true);
        requireSealed(command.identityNumber(), "identityNumber", subject, true);
        requireSealed(command.phone(), "phone", subject, false);
        requireSealed(command.address(), "address", subject, false);
        if (command.gender() == null) {
            throw DomainRuleViolation.invalid("gender-missing", "gender", "A member's gender is required");
        }
        if (command.category() == null) {
            throw DomainRuleViolation.invalid("category-missing", "category", "Say whether the member is FULL or PROBATIONARY");
        }
        if (command.joinedOn() == null) {
            throw DomainRuleViolation.invalid("joined-on-missing", "joinedOn", "A member's joining date is required");
        }
        if (command.joinedOn().getYear() - command.birthYear() < MINIMUM_AGE) {
            throw DomainRuleViolation.invalid("joined-under-age", "joinedOn",
                    "A member born in " + command.birthYear() + " cannot have joined on " + command.joinedOn()
                            + ": members are admitted from the age of " + MINIMUM_AGE);
        }
        RegistryPlaces.requirePlace(geography, command.streetCode(), command.residentialAreaCode());
        requireOrganization(directory, command.organizationId(), "organizationId");
        apply(new PartyMemberRegistered(command.memberId(), command.organizationId(), command.name(),
                command.identityNumber(), command.phone(), command.address(), command.gender(), command.birthYear(),
                command.category(), command.joinedOn(), command.streetCode(), command.residentialAreaCode()));
    }

    @CommandHandler
    public long handle(TransferPartyMembership command, OrganizationDirectory directory) {
        if (erased) {
            throw DomainRuleViolation.conflict("member-data-erased",
                    "Member " + memberId + " was erased; their membership is closed to changes");
        }
        if (command.toOrganizationId() == null || command.toOrganizationId().isBlank()) {
            throw DomainRuleViolation.invalid("to-organization-missing", "toOrganizationId", "A transfer names the receiving organisation");
        }
        if (command.toOrganizationId().equals(organizationId)) {
            throw DomainRuleViolation.invalid("transfer-to-same-organization", "toOrganizationId",
                    "The member belongs to organisation " + organizationId + " already");
        }
        if (command.transferredOn() == null) {
            throw DomainRuleViolation.invalid("transferred-on-missing", "transferredOn", "A transfer needs its date");
        }
        if (command.transferredOn().isBefore(relationSince)) {
            throw DomainRuleViolation.invalid("transfer-before-last-change", "transferredOn",
                    "The member's relation is with its organisation since " + relationSince
                            + "; a transfer cannot be dated before that");
        }
        if (command.reason() != null && command.reason().length() > MAX_REASON) {
            throw DomainRuleViolation.invalid("reason-too-long", "reason", "reason may have at most " + MAX_REASON + " characters");
        }
        RegisteredOrganization target = requireOrganization(directory, command.toOrganizationId(), "toOrganizationId");
        apply(new PartyMembershipTransferred(memberId, organizationId, target.organizationId(), target.streetCode(),
                target.residentialAreaCode(), command.transferredOn(), command.reason()));
        return AggregateVersions.current();
    }

    /** Erasing an erased member changes nothing: the key is gone once, the event says so once. */
    @CommandHandler
    public long handle(ErasePartyMemberData command) {
        if (!erased) {
            if (command.erasedAt() == null) {
                throw DomainRuleViolation.invalid("erased-at-missing", "erasedAt", "An erasure needs its time");
            }
            apply(new PartyMemberDataErased(memberId, RegistryIds.memberSubject(memberId), command.erasedAt()));
        }
        return AggregateVersions.current();
    }

    private void requireSameFacts(RegisterPartyMember again) {
        PartyMemberRegistered r = registration;
        boolean same = Objects.equals(r.organizationId(), again.organizationId()) && r.gender() == again.gender()
                && r.birthYear() == again.birthYear() && r.category() == again.category()
                && Objects.equals(r.joinedOn(), again.joinedOn()) && Objects.equals(r.streetCode(), again.streetCode())
                && Objects.equals(r.residentialAreaCode(), again.residentialAreaCode());
        // The sealed values differ on every sealing (a fresh nonce): they cannot be compared, and need not be.
        if (!same) {
            throw DomainRuleViolation.conflict("member-registered-differently",
                    "Member " + memberId + " is registered already with other facts (a move is a transfer)");
        }
    }

    private static void requireSealed(SealedValue value, String field, String subject, boolean required) {
        if (value == null) {
            if (required) {
                throw DomainRuleViolation.invalid(field + "-missing", field, "A member's " + field + " is required");
            }
            return;
        }
        if (!subject.equals(value.subject()) || value.ciphertext() == null || value.ciphertext().isBlank()) {
            throw DomainRuleViolation.invalid(field + "-not-sealed-for-member", field,
                    "The " + field + " must be sealed for " + subject);
        }
    }

    private static RegisteredOrganization requireOrganization(OrganizationDirectory directory, String organizationId,
                                                              String field) {
        if (organizationId == null || organizationId.isBlank()) {
            throw DomainRuleViolation.invalid("organization-missing", field, "A member belongs to an organisation");
        }
        return directory.find(organizationId).orElseThrow(() -> DomainRuleViolation.invalid("unknown-organization",
                field, "No party organisation " + organizationId + " is registered"));
    }

    @EventSourcingHandler
    void on(PartyMemberRegistered event) {
        memberId = event.memberId();
        registration = event;
        organizationId = event.organizationId();
        relationSince = event.joinedOn();
    }

    @EventSourcingHandler
    void on(PartyMembershipTransferred event) {
        organizationId = event.toOrganizationId();
        relationSince = event.transferredOn();
    }

    @EventSourcingHandler
    void on(PartyMemberDataErased event) {
        erased = true;
    }
}
