package cn.changning.governance.cases.api;

import cn.changning.governance.cases.domain.ReportCase;
import cn.changning.governance.cases.projection.CaseQueries;
import cn.changning.governance.cases.projection.CaseView;
import cn.changning.governance.common.web.ETags;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.Reporter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "Problems on the street through the six-step closed loop")
public class CaseController {

    private final CommandGateway commands;
    private final CaseQueries queries;
    private final Clock clock;

    public CaseController(CommandGateway commands, CaseQueries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    public record CaseCreated(String caseId, long version) {
    }

    @PostMapping
    @Operation(summary = "Report a problem (step 1)",
            description = "Accepted once stored; visible in GET shortly after. With an Idempotency-Key, "
                    + "repeating the request returns the same case instead of a second one.")
    public ResponseEntity<CaseCreated> report(
            @Valid @RequestBody ReportCaseRequest request,
            @Parameter(description = "Client-chosen key that makes the create safe to retry")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        String caseId = idempotencyKey == null
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("case:" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
        ReportCaseRequest.Location l = request.location();
        ReportCase command = new ReportCase(caseId, request.itemCode(),
                new CaseLocation(l.latitude(), l.longitude(), l.gridCode(), l.address()),
                request.description(), request.source(),
                request.reporter() == null ? null : new Reporter(request.reporter().name(), request.reporter().contact()),
                clock.instant());
        try {
            commands.sendAndWait(command);
        } catch (AggregateStreamCreationException alreadyReported) {
            if (idempotencyKey == null) {
                throw alreadyReported;
            }
            // The same key was used before: the case exists, answer as the first time.
        }
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId))
                .eTag(ETags.of(0))
                .body(new CaseCreated(caseId, 0));
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "One case, with its version as ETag")
    public ResponseEntity<CaseView> findCase(@PathVariable String caseId) {
        CaseView view = queries.findCase(caseId).orElseThrow(() -> new NotFoundException("case", caseId));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
