package cn.changning.governance.partyregistry.api;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.common.personaldata.ErasedSubjectException;
import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.common.web.ETags;
import cn.changning.governance.common.web.ExpectedVersion;
import cn.changning.governance.common.web.Identifiers;
import cn.changning.governance.common.web.InvalidParameterException;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.contracts.registry.PartyMemberRegistered;
import cn.changning.governance.partyregistry.api.RegistryRequests.RegisterMember;
import cn.changning.governance.partyregistry.api.RegistryRequests.Registered;
import cn.changning.governance.partyregistry.api.RegistryRequests.TransferMembership;
import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.partyregistry.domain.member.ErasePartyMemberData;
import cn.changning.governance.partyregistry.domain.member.IdentityNumbers;
import cn.changning.governance.partyregistry.domain.member.RegisterPartyMember;
import cn.changning.governance.partyregistry.domain.member.TransferPartyMembership;
import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory;
import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory.RegisteredOrganization;
import cn.changning.governance.partyregistry.projection.member.MemberQueries;
import cn.changning.governance.partyregistry.projection.member.MemberView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
import java.time.Clock;

@RestController
@RequestMapping("/api/v1/party/members")
@Tag(name = "Party members", description = "Members, their transfers of organisational relation, and the erasure of their personal data")
public class MemberController {

    static final String PURPOSE = "party-member";

    private final CommandGateway commands;
    private final MemberQueries members;
    private final OrganizationDirectory directory;
    private final PersonalData personalData;
    private final EventStore eventStore;
    private final Clock clock;

    public MemberController(CommandGateway commands, MemberQueries members, OrganizationDirectory directory,
                            PersonalData personalData, EventStore eventStore, Clock clock) {
        this.commands = commands;
        this.members = members;
        this.directory = directory;
        this.personalData = personalData;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @PostMapping
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Register a party member in an organisation",
            description = "The identity number must be 18 characters with a valid check digit (ISO 7064 MOD 11-2) and a "
                    + "birth date (400 naming identityNumber); the birth year and gender are read from it. The member's id "
                    + "is derived from a keyed pseudonym of the number, so the same person is the same member. Name, "
                    + "number, phone and address are sealed for the member before anything is recorded: they are never "
                    + "stored or published in clear. The street and residential area are the organisation's. The same "
                    + "person registered again with the same facts answers the same; with other facts 409 "
                    + "member-registered-differently (a move is a transfer); after erasure 409 member-data-erased. "
                    + "Members are admitted from 18 (422 joined-under-age).")
    public ResponseEntity<Registered> register(@Valid @RequestBody RegisterMember body) {
        IdentityNumbers.Facts facts;
        try {
            facts = IdentityNumbers.read(body.identityNumber());
        } catch (IdentityNumbers.InvalidIdentityNumber invalid) {
            throw new InvalidParameterException("identityNumber", invalid.reason());
        }
        String number = IdentityNumbers.normalised(body.identityNumber());
        RegisteredOrganization organization = directory.find(body.organizationId())
                .orElseThrow(() -> DomainRuleViolation.invalid("unknown-organization", "organizationId",
                        "No party organisation " + body.organizationId() + " is registered"));
        String memberId = RegistryIds.member(personalData.pseudonym(PURPOSE, number));
        String subject = RegistryIds.memberSubject(memberId);
        RegisterPartyMember command;
        try {
            command = new RegisterPartyMember(memberId, organization.organizationId(),
                    personalData.seal(subject, MemberAnswers.NAME, body.name().strip()),
                    personalData.seal(subject, MemberAnswers.IDENTITY_NUMBER, number),
                    seal(subject, MemberAnswers.PHONE, body.phone()),
                    seal(subject, MemberAnswers.ADDRESS, body.address()),
                    facts.gender(), facts.birthYear(), body.category(), body.joinedOn(), organization.streetCode(),
                    organization.residentialAreaCode());
        } catch (ErasedSubjectException erased) {
            throw DomainRuleViolation.conflict("member-data-erased",
                    "This person's data was erased from the registry; it cannot be recorded again under the same member");
        }
        long version = CommandVersions.of(commands.sendAndWait(command));
        return ResponseEntity.created(URI.create("/api/v1/party/members/" + memberId)).eTag(ETags.of(version))
                .body(new Registered(memberId, version));
    }

    private SealedValue seal(String subject, String field, String clear) {
        return clear == null || clear.isBlank() ? null : personalData.seal(subject, field, clear.strip());
    }

    @GetMapping("/{memberId}")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "One member, its version as ETag",
            description = "Personal values in clear with the scope registry:personal-data, masked without it (张**, "
                    + "310105********1234, 138****5678); after erasure every reader gets null and erased: true. From the "
                    + "read model: one registered a moment ago answers 404 until it is projected.")
    public ResponseEntity<MemberAnswers.Member> find(@PathVariable String memberId, Authentication caller) {
        MemberView view = requireMember(memberId);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(MemberAnswers.member(view, personalData, caller));
    }

    @GetMapping
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "The members of a street, paged, by joining date", description = "Values shown as for one member.")
    public Page<MemberAnswers.Member> list(
            @Parameter(description = "9-digit street code") @RequestParam @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String street,
            PageQuery page, Authentication caller) {
        return members.ofStreet(street, page).map(m -> MemberAnswers.member(m, personalData, caller));
    }

    @GetMapping("/{memberId}/memberships")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "The member's history of organisations, oldest first", description = "Kept after erasure: it holds no personal value.")
    public ResponseEntity<MemberAnswers.History> history(@PathVariable String memberId) {
        MemberView view = requireMember(memberId);
        return ResponseEntity.ok().eTag(ETags.of(view.version()))
                .body(new MemberAnswers.History(memberId, view.history(), view.version()));
    }

    @PostMapping("/{memberId}/transfers")
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Transfer the member's organisational relation (If-Match: the member's ETag)",
            description = "Not to the organisation it belongs to (422 transfer-to-same-organization), not to an unknown "
                    + "one (422 unknown-organization), not dated before its joining or last transfer (422 "
                    + "transfer-before-last-change), not after erasure (409 member-data-erased). The history keeps every "
                    + "organisation. 428 without If-Match, 412 on a stale one.")
    public ResponseEntity<Registered> transfer(@PathVariable String memberId, @Valid @RequestBody TransferMembership body,
                                               @Parameter(description = "The member's ETag as read, or *") ExpectedVersion expected) {
        long version = CommandVersions.of(commands.sendAndWait(new TransferPartyMembership(memberId, body.toOrganizationId(),
                body.transferredOn(), body.reason(), expected.value())));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Registered(memberId, version));
    }

    @PostMapping("/{memberId}/erasure")
    @RequiresScope(Scopes.REGISTRY_PERSONAL_DATA)
    @Operation(summary = "Erase the member's personal data (right to erasure)",
            description = "Destroys the member's key first, then records PartyMemberDataErased: from then on the name, "
                    + "number, phone and address cannot be recovered from the event store, the topic, a backup or a "
                    + "replay; the read models drop them. The facts kept in clear (organisation, gender, birth year, "
                    + "dates) still count in the statistics. Repeating it answers the same. 404 for an unknown member.")
    public ResponseEntity<MemberAnswers.Erasure> erase(@PathVariable String memberId) {
        boolean member = eventStore.readEvents(memberId).asStream().findFirst()
                .map(e -> e.getPayload() instanceof PartyMemberRegistered).orElse(false);
        if (!member) {
            throw new NotFoundException("party member", memberId);
        }
        String subject = RegistryIds.memberSubject(memberId);
        // The key first: if the command fails after, a retry finds the key gone and records the event.
        personalData.erase(subject);
        long version = CommandVersions.of(commands.sendAndWait(new ErasePartyMemberData(memberId, clock.instant())));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new MemberAnswers.Erasure(memberId, subject, true, version));
    }

    private MemberView requireMember(String memberId) {
        return members.find(memberId).orElseThrow(() -> new NotFoundException("party member", memberId));
    }
}
