package cn.changning.governance.partyregistry.api;

import cn.changning.governance.common.idempotency.IdempotencyKey;
import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.common.web.ETags;
import cn.changning.governance.common.web.Identifiers;
import cn.changning.governance.common.web.InvalidParameterException;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.contracts.registry.ActivityKind;
import cn.changning.governance.contracts.registry.HonourLevel;
import cn.changning.governance.contracts.registry.PartyAffairKind;
import cn.changning.governance.partyregistry.api.RegistryRequests.Registered;
import cn.changning.governance.partyregistry.domain.record.AwardHonour;
import cn.changning.governance.partyregistry.domain.record.LogVisit;
import cn.changning.governance.partyregistry.domain.record.RecordActivity;
import cn.changning.governance.partyregistry.domain.record.RecordPartyAffair;
import cn.changning.governance.partyregistry.projection.record.RecordDocuments.RecordType;
import cn.changning.governance.partyregistry.projection.record.RecordQueries;
import cn.changning.governance.partyregistry.projection.record.RecordView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.function.Function;

import static cn.changning.governance.partyregistry.api.RegistryRequests.UUID_MESSAGE;

/** Activity records, visit logs, party affairs and honours: recorded per organisation (or member), queried by period and place. */
@RestController
@RequestMapping("/api/v1/party")
@Tag(name = "Party life", description = "Activity records, visit logs, party affairs and honours")
public class RecordController {

    private static final String RULES = " The organisation must be registered (422 unknown-organization); the record "
            + "takes its street and residential area. With an Idempotency-Key a retry answers the first answer.";
    private static final String UUID = RegistryRequests.UUID;

    public record ActivityRequest(@NotBlank @Pattern(regexp = UUID, message = UUID_MESSAGE) String organizationId,
                                  @NotNull ActivityKind kind, @NotBlank @Size(max = 200) String title,
                                  @NotNull LocalDate heldOn, @NotNull @Min(0) Integer participants) {
    }

    public record VisitRequest(@NotBlank @Pattern(regexp = UUID, message = UUID_MESSAGE) String organizationId,
                               @Pattern(regexp = UUID, message = UUID_MESSAGE) String visitorMemberId,
                               @Pattern(regexp = UUID, message = UUID_MESSAGE) String visitedUnitId,
                               @NotNull LocalDate visitedOn, @NotBlank @Size(max = 200) String purpose,
                               @Size(max = 2000) String summary) {
    }

    public record PartyAffairRequest(@NotBlank @Pattern(regexp = UUID, message = UUID_MESSAGE) String organizationId,
                                     @NotNull PartyAffairKind kind, @NotNull LocalDate occurredOn,
                                     @Size(max = 2000) String description) {
    }

    public record HonourRequest(@NotBlank @Pattern(regexp = UUID, message = UUID_MESSAGE) String organizationId,
                                @Pattern(regexp = UUID, message = UUID_MESSAGE) String memberId,
                                @NotBlank @Size(max = 200) String title, @NotNull HonourLevel level,
                                @NotNull LocalDate awardedOn) {
    }

    private final CommandGateway commands;
    private final RecordQueries records;

    public RecordController(CommandGateway commands, RecordQueries records) {
        this.commands = commands;
        this.records = records;
    }

    @PostMapping("/activities")
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Record an activity an organisation held", description = "Participants are counted, not named." + RULES)
    public ResponseEntity<Registered> recordActivity(Actor actor, @Valid @RequestBody ActivityRequest body, IdempotencyKey key) {
        return create(key, "activity", id -> new RecordActivity(id, body.organizationId(), body.kind(), body.title(),
                body.heldOn(), body.participants(), actor.clientId()));
    }

    @PostMapping("/visits")
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Log a visit to a resident unit or household",
            description = "The visitor by member id only; the summary must hold no personal data (names, numbers)." + RULES)
    public ResponseEntity<Registered> logVisit(Actor actor, @Valid @RequestBody VisitRequest body, IdempotencyKey key) {
        return create(key, "visit", id -> new LogVisit(id, body.organizationId(), body.visitorMemberId(), body.visitedUnitId(),
                body.visitedOn(), body.purpose(), body.summary(), actor.clientId()));
    }

    @PostMapping("/party-affairs")
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Record a piece of party business", description = "Meetings, dues, elections, members admitted, appraisals." + RULES)
    public ResponseEntity<Registered> recordPartyAffair(Actor actor, @Valid @RequestBody PartyAffairRequest body, IdempotencyKey key) {
        return create(key, "party-affair", id -> new RecordPartyAffair(id, body.organizationId(), body.kind(),
                body.occurredOn(), body.description(), actor.clientId()));
    }

    @PostMapping("/honours")
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Record an honour of an organisation or one of its members", description = "memberId null: the organisation itself." + RULES)
    public ResponseEntity<Registered> awardHonour(Actor actor, @Valid @RequestBody HonourRequest body, IdempotencyKey key) {
        return create(key, "honour", id -> new AwardHonour(id, body.organizationId(), body.memberId(), body.title(),
                body.level(), body.awardedOn(), actor.clientId()));
    }

    @GetMapping("/records")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "Records of party life by type, organisation, member, place and period, newest first",
            description = "Every filter is optional; from and to are inclusive dates (from after to: 400).")
    public Page<RecordView> list(
            @RequestParam(required = false) RecordType type,
            @Parameter(description = "The organisation's id") @RequestParam(required = false) @Pattern(regexp = UUID, message = UUID_MESSAGE) String organization,
            @Parameter(description = "The visiting or honoured member's id") @RequestParam(required = false) @Pattern(regexp = UUID, message = UUID_MESSAGE) String member,
            @Parameter(description = "9-digit street code") @RequestParam(required = false) @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String street,
            @Parameter(description = "12-digit residential area code") @RequestParam(required = false) @Pattern(regexp = Identifiers.RESIDENTIAL_AREA, message = Identifiers.RESIDENTIAL_AREA_MESSAGE) String residentialArea,
            @Parameter(description = "From this date (ISO, inclusive)") @RequestParam(required = false) LocalDate from,
            @Parameter(description = "Up to this date (ISO, inclusive)") @RequestParam(required = false) LocalDate to,
            PageQuery page) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameterException("from", "must not be after to");
        }
        return records.list(new RecordQueries.Filter(type, organization, member, street, residentialArea, from, to), page);
    }

    @GetMapping("/records/{recordId}")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "One record of party life")
    public ResponseEntity<RecordView> find(@PathVariable String recordId) {
        RecordView view = records.find(recordId).orElseThrow(() -> new NotFoundException("record", recordId));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    private ResponseEntity<Registered> create(IdempotencyKey key, String kind, Function<String, Object> command) {
        // A retry that took over the key of a crashed request meets the record that request created: the id follows
        // from the client, the key and the request.
        String id = key == null ? java.util.UUID.randomUUID().toString() : key.derivedId(kind).toString();
        try {
            commands.sendAndWait(command.apply(id));
        } catch (AggregateStreamCreationException alreadyRecorded) {
            if (key == null) {
                throw alreadyRecorded;
            }
        }
        return ResponseEntity.created(URI.create("/api/v1/party/records/" + id)).eTag(ETags.of(0)).body(new Registered(id, 0));
    }
}
