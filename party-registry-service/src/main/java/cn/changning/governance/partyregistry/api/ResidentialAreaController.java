package cn.changning.governance.partyregistry.api;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.common.web.ActionAnswer;
import cn.changning.governance.common.web.ETags;
import cn.changning.governance.common.web.ExpectedVersion;
import cn.changning.governance.common.web.InvalidParameterException;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.partyregistry.domain.area.AppointAreaSecretary;
import cn.changning.governance.partyregistry.domain.area.AreaSecretaryIds;
import cn.changning.governance.partyregistry.domain.area.AssignCommunityPoliceOfficer;
import cn.changning.governance.partyregistry.domain.area.CrossAppointDeputySecretary;
import cn.changning.governance.partyregistry.domain.area.OfficerRelease;
import cn.changning.governance.partyregistry.domain.area.ReleaseCommunityPoliceOfficer;
import cn.changning.governance.partyregistry.domain.area.ResidentialAreaTeam;
import cn.changning.governance.partyregistry.domain.member.IdentityNumbers;
import cn.changning.governance.partyregistry.projection.policing.PolicingFields;
import cn.changning.governance.partyregistry.projection.policing.PolicingQueries;
import cn.changning.governance.partyregistry.projection.policing.PolicingViews;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.ResidentialArea;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * A residential area's party secretary and community police ("one police officer per residential area"): the
 * reference data's 185 areas (an unknown code answers 404). Names are sealed before any command and opened only for
 * a caller with {@code registry:personal-data}.
 */
@RestController
@RequestMapping("/api/v1/party/residential-areas")
@Tag(name = "Residential areas", description = "Party secretary, community police in post (first in, then out; 5 years), cross-appointed deputy secretary")
public class ResidentialAreaController {

    static final String IF_MATCH_DOC = "Required. The area's ETag as read (e.g. \"3\"), or * for any current version; "
            + "without it 428, and 412 if it changed since";
    static final String SECRETARY_NAME = AreaSecretaryIds.NAME_FIELD;

    private final PolicingCommandSender commands;
    private final PolicingQueries queries;
    private final Geography geography;
    private final SealedNames names;
    private final OfficerAnswers officers;
    private final Clock clock;

    public ResidentialAreaController(PolicingCommandSender commands, PolicingQueries queries, Geography geography,
                                     SealedNames names, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.geography = geography;
        this.names = names;
        this.officers = new OfficerAnswers(queries, names);
        this.clock = clock;
    }

    public record SecretaryAnswer(String secretaryId, SealedNames.PersonName name, int birthYear,
                                  boolean careerEstablishment, LocalDate appointedOn) {
    }

    public record OfficerInPostAnswer(String officerId, String badgeNumber, SealedNames.PersonName name,
                                      boolean partyMember, LocalDate inPostFrom, boolean underFiveYears,
                                      boolean deputySecretary) {
    }

    public record DeputyAnswer(String officerId, String partyMemberId, LocalDate appointedOn) {
    }

    public record WarningAnswer(String code, String officerId, LocalDate inPostFrom, LocalDate releasedOn, String message) {
    }

    public record AreaAnswer(String areaCode, String name, String nameZh, String streetCode, boolean officerInPost,
                             SecretaryAnswer secretary, List<OfficerInPostAnswer> officersInPost,
                             DeputyAnswer deputySecretary, List<WarningAnswer> warnings, long version) {
    }

    public record AreaAction(String areaCode, long version, List<WarningAnswer> warnings) {
    }

    @GetMapping("/{code}")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "A residential area: its party secretary, the officers in post, the deputy secretary, the warnings",
            description = "officersInPost has two officers during a handover (first in, then out). underFiveYears: the "
                    + "officer has been in post less than 5 years on the service's date today. warnings: officers who left "
                    + "in under 5 years. Names: clear with registry:personal-data, masked otherwise, null and erased once "
                    + "erased. An area with nothing registered yet answers empty (version -1); an unknown code 404.")
    public ResponseEntity<AreaAnswer> area(@PathVariable String code) {
        ResidentialArea area = requireArea(code);
        LocalDate today = LocalDate.now(clock);
        PolicingViews.Area view = queries.area(code).orElse(new PolicingViews.Area(code, area.subdistrictCode(), null,
                List.of(), null, List.of(), -1));
        String deputy = view.deputySecretary() == null ? null : view.deputySecretary().officerId();
        List<OfficerInPostAnswer> inPost = view.officersInPost().stream().map(o -> {
            PolicingViews.Officer officer = queries.officer(o.officerId()).orElse(null);
            return new OfficerInPostAnswer(o.officerId(), officer == null ? null : officer.badgeNumber(),
                    officer == null ? null : names.show(officer.name(), OfficerAnswers.OFFICER_NAME),
                    officer != null && officer.partyMemberId() != null, o.inPostFrom(),
                    today.isBefore(o.inPostFrom().plusYears(ResidentialAreaTeam.YEARS_IN_POST)), o.officerId().equals(deputy));
        }).toList();
        PolicingViews.Secretary s = view.secretary();
        SecretaryAnswer secretary = s == null ? null : new SecretaryAnswer(s.secretaryId(), names.show(s.name(), SECRETARY_NAME),
                s.birthYear(), s.careerEstablishment(), s.appointedOn());
        DeputyAnswer deputyAnswer = view.deputySecretary() == null ? null : new DeputyAnswer(deputy,
                view.deputySecretary().partyMemberId(), view.deputySecretary().appointedOn());
        AreaAnswer answer = new AreaAnswer(code, area.name(), area.nameZh(), area.subdistrictCode(), !inPost.isEmpty(),
                secretary, inPost, deputyAnswer, warnings(view), view.version());
        return view.version() < 0 ? ResponseEntity.ok(answer) : ResponseEntity.ok().eTag(ETags.of(view.version())).body(answer);
    }

    @GetMapping("/{code}/warnings")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "The area's warnings: officers who left the area in under 5 years (accepted, but against the rule "
            + "that a community officer serves at least 5 years in a community)")
    public List<WarningAnswer> warnings(@PathVariable String code) {
        requireArea(code);
        return queries.area(code).map(ResidentialAreaController::warnings).orElse(List.of());
    }

    @PostMapping("/{code}/secretary")
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Appoint the area's party secretary, replacing the one in office",
            description = "The secretary's id is derived from the identity number (a keyed pseudonym), the birth year read "
                    + "from it; the number itself is not kept. Re-appointing the secretary in office changes nothing. "
                    + "422 appointed-before-predecessor for a date before the predecessor's appointment.")
    public ResponseEntity<AreaAction> appointSecretary(@PathVariable String code, @Valid @RequestBody PolicingRequests.SecretaryAppointment body,
                                                       @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = expected.value();
        requireArea(code);
        int birthYear;
        try {
            birthYear = IdentityNumbers.read(body.identityNumber()).birthYear();
        } catch (IdentityNumbers.InvalidIdentityNumber invalid) {
            throw new InvalidParameterException("identityNumber", invalid.reason());
        }
        String secretaryId = AreaSecretaryIds.secretaryId(names.pseudonym(AreaSecretaryIds.PSEUDONYM_PURPOSE,
                IdentityNumbers.normalised(body.identityNumber())));
        Object result = commands.send(new AppointAreaSecretary(code, secretaryId,
                names.seal(AreaSecretaryIds.subject(secretaryId), SECRETARY_NAME, body.name()), birthYear,
                body.careerEstablishment(), body.appointedOn(), version));
        return ActionAnswer.of(result, v -> new AreaAction(code, v, List.of()));
    }

    @PostMapping("/{code}/officers")
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Put a community police officer in post in the area",
            description = "While another officer is in post this is the first half of a transfer (first in, then out). "
                    + "An officer is in post in one area at a time: the service checks the officers' postings read model "
                    + "and answers 409 officer-in-post-elsewhere (a rule across two areas, checked here rather than in one "
                    + "aggregate; right after a release elsewhere the read model may lag a moment: retry). 404 for an "
                    + "unknown area; 422 unknown-officer for an officer not registered. Assigning the officer in post changes nothing.")
    public ResponseEntity<AreaAction> assign(@PathVariable String code, @Valid @RequestBody PolicingRequests.OfficerAssignment body,
                                             @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = expected.value();
        requireArea(code);
        officers.requireRegistered(body.officerId());
        queries.postings(body.officerId()).stream().filter(p -> p.inPost() && !p.areaCode().equals(code)).findFirst()
                .ifPresent(p -> {
                    throw DomainRuleViolation.conflict("officer-in-post-elsewhere", "Officer " + body.officerId()
                            + " is in post in residential area " + p.areaCode() + "; release the officer there first");
                });
        Object result = commands.send(new AssignCommunityPoliceOfficer(code, body.officerId(), body.inPostFrom(), version));
        return ActionAnswer.of(result, v -> new AreaAction(code, v, List.of()));
    }

    @PostMapping("/{code}/officers/{officerId}/release")
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Release an officer from post in the area (then out)",
            description = "Refused with 409 area-left-without-officer when the officer is the only one in post, and 409 "
                    + "successor-not-yet-in-post when the successor's first day is after the release: the successor is "
                    + "assigned first. An officer leaving after less than 5 years is released, and the answer carries the "
                    + "warning left-within-five-years (also kept on the area). A deputy secretary's cross-appointment ends with the post.")
    public ResponseEntity<AreaAction> release(@PathVariable String code, @PathVariable String officerId,
                                              @Valid @RequestBody PolicingRequests.OfficerRelease body,
                                              @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = expected.value();
        requireArea(code);
        Object result = commands.send(new ReleaseCommunityPoliceOfficer(code, officerId, body.releasedOn(), version));
        OfficerRelease release = (OfficerRelease) result;
        List<WarningAnswer> warnings = release.leftWithinFiveYears()
                ? List.of(new WarningAnswer(PolicingFields.LEFT_WITHIN_FIVE_YEARS, officerId, null, body.releasedOn(),
                message(PolicingFields.LEFT_WITHIN_FIVE_YEARS)))
                : List.of();
        return ActionAnswer.of(release.version(), v -> new AreaAction(code, v, warnings));
    }

    @PostMapping("/{code}/deputy-secretary")
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Cross-appoint the area's community police officer as deputy party secretary (交叉任职)",
            description = "Only an officer in post in the area (409 officer-not-in-post) who is a party member (409 "
                    + "officer-not-party-member, from the officer's registration). Replaces the previous deputy.")
    public ResponseEntity<AreaAction> crossAppoint(@PathVariable String code, @Valid @RequestBody PolicingRequests.DeputyAppointment body,
                                                   @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = expected.value();
        requireArea(code);
        PolicingViews.Officer officer = officers.requireRegistered(body.officerId());
        Object result = commands.send(new CrossAppointDeputySecretary(code, body.officerId(), officer.partyMemberId(),
                body.appointedOn(), version));
        return ActionAnswer.of(result, v -> new AreaAction(code, v, List.of()));
    }

    private ResidentialArea requireArea(String code) {
        return geography.residentialArea(code).orElseThrow(() -> new NotFoundException("residential area", code));
    }

    private static List<WarningAnswer> warnings(PolicingViews.Area view) {
        return view.warnings().stream().map(w -> new WarningAnswer(w.code(), w.officerId(), w.inPostFrom(), w.releasedOn(),
                message(w.code()))).toList();
    }

    private static String message(String code) {
        return PolicingFields.LEFT_WITHIN_FIVE_YEARS.equals(code)
                ? "The officer left the area after less than " + ResidentialAreaTeam.YEARS_IN_POST
                + " years in post; a community officer serves at least " + ResidentialAreaTeam.YEARS_IN_POST + " years in a community"
                : code;
    }
}
