package cn.changning.governance.partyregistry.api;

import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.common.web.ActionAnswer;
import cn.changning.governance.common.web.ETags;
import cn.changning.governance.common.web.InvalidParameterException;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.partyregistry.domain.police.RegisterCommunityPoliceOfficer;
import cn.changning.governance.partyregistry.projection.policing.PolicingQueries;
import cn.changning.governance.partyregistry.projection.policing.PolicingViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** The district's community police officers (社区民警) in the registry: register, read, list. Where each is in post is on the residential areas. */
@RestController
@RequestMapping("/api/v1/party/police-officers")
@Tag(name = "Community police officers", description = "Registration, party membership, postings")
public class PoliceOfficerController {

    private final PolicingCommandSender commands;
    private final PolicingQueries queries;
    private final SealedNames names;

    public PoliceOfficerController(PolicingCommandSender commands, PolicingQueries queries, SealedNames names) {
        this.commands = commands;
        this.queries = queries;
        this.names = names;
    }

    public record OfficerAction(String officerId, long version) {
    }

    public record PostingAnswer(String areaCode, boolean inPost, LocalDate inPostFrom, LocalDate releasedOn,
                                boolean deputySecretary) {
    }

    public record OfficerAnswer(String officerId, String badgeNumber, SealedNames.PersonName name, String partyMemberId,
                                LocalDate joinedPartyOn, String streetCode, String inPostIn, List<PostingAnswer> postings,
                                long version) {
    }

    @PostMapping
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Register a community police officer",
            description = "The officer's id is derived from the badge number (the same badge twice is 409). The name is "
                    + "sealed under police-officer:<officerId> before the command. joinedPartyOn needs partyMemberId (422). "
                    + "Where the officer serves: POST /api/v1/party/residential-areas/{code}/officers.")
    public ResponseEntity<OfficerAction> register(@Valid @RequestBody PolicingRequests.OfficerRegistration body) {
        String officerId = RegistryIds.officer(body.badgeNumber());
        Object result = commands.send(new RegisterCommunityPoliceOfficer(officerId, body.badgeNumber(),
                names.seal(RegistryIds.officerSubject(officerId), OfficerAnswers.OFFICER_NAME, body.name()),
                body.partyMemberId(), body.joinedPartyOn(), body.streetCode()));
        // The creating handler answers nothing: the first event is version 0.
        return ActionAnswer.of(result instanceof Number ? result : 0L, v -> new OfficerAction(officerId, v));
    }

    @GetMapping("/{officerId}")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "An officer: badge, name (clear with registry:personal-data, masked otherwise), party membership, postings",
            description = "inPostIn: the area the officer is in post in now, or null.")
    public ResponseEntity<OfficerAnswer> officer(@PathVariable String officerId) {
        PolicingViews.Officer officer = queries.officer(officerId).orElseThrow(() -> new NotFoundException("police officer", officerId));
        return ResponseEntity.ok().eTag(ETags.of(officer.version())).body(answer(officer));
    }

    @GetMapping
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "The officers by badge number, of one street or all")
    public Page<OfficerAnswer> officers(@RequestParam(required = false) String streetCode, PageQuery page) {
        if (streetCode != null && !streetCode.matches("[0-9]{9}")) {
            throw new InvalidParameterException("streetCode", "must be a street's 9-digit code");
        }
        return Page.of(queries.officers(streetCode), page).map(this::answer);
    }

    private OfficerAnswer answer(PolicingViews.Officer o) {
        List<PolicingViews.Posting> postings = queries.postings(o.officerId());
        String inPostIn = postings.stream().filter(PolicingViews.Posting::inPost).map(PolicingViews.Posting::areaCode)
                .findFirst().orElse(null);
        return new OfficerAnswer(o.officerId(), o.badgeNumber(), names.show(o.name(), OfficerAnswers.OFFICER_NAME),
                o.partyMemberId(), o.joinedPartyOn(), o.streetCode(), inPostIn,
                postings.stream().map(p -> new PostingAnswer(p.areaCode(), p.inPost(), p.inPostFrom(), p.releasedOn(),
                        p.deputySecretary())).toList(), o.version());
    }
}
