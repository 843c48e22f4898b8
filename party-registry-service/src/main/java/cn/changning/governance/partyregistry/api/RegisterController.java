package cn.changning.governance.partyregistry.api;

import cn.changning.governance.common.personaldata.ErasedSubjectException;
import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.common.web.ETags;
import cn.changning.governance.common.web.Identifiers;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.partyregistry.api.RegistryRequests.RegisterMassOrganization;
import cn.changning.governance.partyregistry.api.RegistryRequests.Registered;
import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.partyregistry.domain.building.RegisterBuilding;
import cn.changning.governance.partyregistry.domain.tradeunion.RegisterTradeUnion;
import cn.changning.governance.partyregistry.domain.unit.RegisterResidentUnit;
import cn.changning.governance.partyregistry.domain.worker.RegisterPartyWorker;
import cn.changning.governance.partyregistry.domain.youth.RegisterYouthLeagueOrganization;
import cn.changning.governance.partyregistry.projection.register.RegisterQueries;
import cn.changning.governance.partyregistry.projection.register.RegisterViews.BuildingView;
import cn.changning.governance.partyregistry.projection.register.RegisterViews.MassOrganizationView;
import cn.changning.governance.partyregistry.projection.register.RegisterViews.ResidentUnitView;
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
import java.util.Optional;

/**
 * The simple registers: office buildings, resident units, youth-league organisations, trade unions, party workers.
 * Each is registered once under an id derived from its code (the same registration again answers the same; another
 * under the same code 409), read by id and listed by street.
 */
@RestController
@RequestMapping("/api/v1/party")
@Tag(name = "Registers", description = "Office buildings, resident units, youth-league organisations, trade unions, party workers")
public class RegisterController {

    private static final String REGISTER_RULES = " Its id is derived from its code: the same registration again answers "
            + "the same, another under the same code is refused (409). The street (and residential area) must be the "
            + "reference geography's (422).";
    private static final String STREET_DOC = "9-digit street code; without it, the whole district";

    private final CommandGateway commands;
    private final RegisterQueries registers;
    private final PersonalData personalData;

    public RegisterController(CommandGateway commands, RegisterQueries registers, PersonalData personalData) {
        this.commands = commands;
        this.registers = registers;
        this.personalData = personalData;
    }

    private ResponseEntity<Registered> registered(String path, String id, Object command) {
        long version = CommandVersions.of(commands.sendAndWait(command));
        return ResponseEntity.created(URI.create("/api/v1/party/" + path + "/" + id)).eTag(ETags.of(version))
                .body(new Registered(id, version));
    }

    private static <T> ResponseEntity<T> found(Optional<T> view, String what, String id, long version) {
        return ResponseEntity.ok().eTag(ETags.of(version)).body(view.orElseThrow(() -> new NotFoundException(what, id)));
    }

    // Office buildings

    @PostMapping("/buildings")
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Register an office building", description = "At least one floor." + REGISTER_RULES)
    public ResponseEntity<Registered> registerBuilding(@Valid @RequestBody RegistryRequests.RegisterBuilding body) {
        String id = RegistryIds.building(body.code());
        return registered("buildings", id, new RegisterBuilding(id, body.code(), body.name(), body.streetCode(),
                body.residentialAreaCode(), body.floors()));
    }

    @GetMapping("/buildings/{buildingId}")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "One office building")
    public ResponseEntity<BuildingView> building(@PathVariable String buildingId) {
        Optional<BuildingView> view = registers.building(buildingId);
        return found(view, "building", buildingId, view.map(BuildingView::version).orElse(0L));
    }

    @GetMapping("/buildings")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "Office buildings by code, paged")
    public Page<BuildingView> buildings(
            @Parameter(description = STREET_DOC) @RequestParam(required = false) @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String street,
            PageQuery page) {
        return registers.buildings(street, page);
    }

    // Resident units

    @PostMapping("/resident-units")
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Register a resident unit",
            description = "NEW_ECONOMIC and NEW_SOCIAL units are the \"two new\" organisations." + REGISTER_RULES)
    public ResponseEntity<Registered> registerResidentUnit(@Valid @RequestBody RegistryRequests.RegisterResidentUnit body) {
        String id = RegistryIds.residentUnit(body.creditCode());
        return registered("resident-units", id, new RegisterResidentUnit(id, body.creditCode(), body.name(), body.category(),
                body.streetCode(), body.residentialAreaCode(), body.buildingId(), body.employees()));
    }

    @GetMapping("/resident-units/{unitId}")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "One resident unit")
    public ResponseEntity<ResidentUnitView> residentUnit(@PathVariable String unitId) {
        Optional<ResidentUnitView> view = registers.residentUnit(unitId);
        return found(view, "resident unit", unitId, view.map(ResidentUnitView::version).orElse(0L));
    }

    @GetMapping("/resident-units")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "Resident units by credit code, paged")
    public Page<ResidentUnitView> residentUnits(
            @Parameter(description = STREET_DOC) @RequestParam(required = false) @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String street,
            PageQuery page) {
        return registers.residentUnits(street, page);
    }

    // Youth-league organisations

    @PostMapping("/youth-league-organizations")
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Register a youth-league organisation", description = "Members never negative." + REGISTER_RULES)
    public ResponseEntity<Registered> registerYouthLeague(@Valid @RequestBody RegisterMassOrganization body) {
        String id = RegistryIds.youthLeague(body.code());
        return registered("youth-league-organizations", id, new RegisterYouthLeagueOrganization(id, body.code(), body.name(),
                body.streetCode(), body.unitId(), body.members()));
    }

    @GetMapping("/youth-league-organizations/{id}")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "One youth-league organisation")
    public ResponseEntity<MassOrganizationView> youthLeague(@PathVariable String id) {
        Optional<MassOrganizationView> view = registers.youthLeagueOrganization(id);
        return found(view, "youth-league organisation", id, view.map(MassOrganizationView::version).orElse(0L));
    }

    @GetMapping("/youth-league-organizations")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "Youth-league organisations by code, paged")
    public Page<MassOrganizationView> youthLeagues(
            @Parameter(description = STREET_DOC) @RequestParam(required = false) @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String street,
            PageQuery page) {
        return registers.youthLeagueOrganizations(street, page);
    }

    // Trade unions

    @PostMapping("/trade-unions")
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Register a trade union", description = "Members never negative." + REGISTER_RULES)
    public ResponseEntity<Registered> registerTradeUnion(@Valid @RequestBody RegisterMassOrganization body) {
        String id = RegistryIds.tradeUnion(body.code());
        return registered("trade-unions", id, new RegisterTradeUnion(id, body.code(), body.name(), body.streetCode(),
                body.unitId(), body.members()));
    }

    @GetMapping("/trade-unions/{id}")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "One trade union")
    public ResponseEntity<MassOrganizationView> tradeUnion(@PathVariable String id) {
        Optional<MassOrganizationView> view = registers.tradeUnion(id);
        return found(view, "trade union", id, view.map(MassOrganizationView::version).orElse(0L));
    }

    @GetMapping("/trade-unions")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "Trade unions by code, paged")
    public Page<MassOrganizationView> tradeUnions(
            @Parameter(description = STREET_DOC) @RequestParam(required = false) @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String street,
            PageQuery page) {
        return registers.tradeUnions(street, page);
    }

    // Party workers

    @PostMapping("/party-workers")
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Register a party-and-mass worker of a street",
            description = "The name is sealed for the worker before anything is recorded. Full-time workers count for "
                    + "the one-per-150 \"two new\" organisations target." + REGISTER_RULES)
    public ResponseEntity<Registered> registerPartyWorker(@Valid @RequestBody RegistryRequests.RegisterPartyWorker body) {
        String id = RegistryIds.worker(body.staffNumber());
        RegisterPartyWorker command;
        try {
            command = new RegisterPartyWorker(id, body.staffNumber(),
                    personalData.seal(RegistryIds.workerSubject(id), MemberAnswers.WORKER_NAME, body.name().strip()),
                    body.streetCode(), body.fullTime());
        } catch (ErasedSubjectException erased) {
            throw DomainRuleViolation.conflict("party-worker-data-erased", "This worker's data was erased from the registry");
        }
        return registered("party-workers", id, command);
    }

    @GetMapping("/party-workers/{workerId}")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "One party worker", description = "The name in clear with the scope registry:personal-data, masked without it.")
    public ResponseEntity<MemberAnswers.PartyWorker> partyWorker(@PathVariable String workerId, Authentication caller) {
        MemberAnswers.PartyWorker worker = registers.partyWorker(workerId)
                .map(v -> MemberAnswers.worker(v, personalData, caller))
                .orElseThrow(() -> new NotFoundException("party worker", workerId));
        return ResponseEntity.ok().eTag(ETags.of(worker.version())).body(worker);
    }

    @GetMapping("/party-workers")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "Party workers by staff number, paged", description = "Names shown as for one worker.")
    public Page<MemberAnswers.PartyWorker> partyWorkers(
            @Parameter(description = STREET_DOC) @RequestParam(required = false) @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String street,
            PageQuery page, Authentication caller) {
        return registers.partyWorkers(street, page).map(v -> MemberAnswers.worker(v, personalData, caller));
    }
}
