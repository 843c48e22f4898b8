package cn.changning.governance.partyregistry.importing;

import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.common.web.InvalidParameterException;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.identity.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Registry imports", description = "Bulk import of the registry's CSV files (organisations, members, "
        + "buildings, units, youth-league organisations, unions, police officers, area secretaries, party workers)")
public class ImportController {

    static final String BASE = "/api/v1/party/imports";

    private final ImportJobs jobs;
    private final ImportWorker worker;
    private final ImportProperties properties;

    public ImportController(ImportJobs jobs, ImportWorker worker, ImportProperties properties) {
        this.jobs = jobs;
        this.worker = worker;
        this.properties = properties;
    }

    public record ImportRejection(long row, String field, String reason) {
    }

    @PostMapping(path = BASE, consumes = "text/csv")
    @RequiresScope(Scopes.REGISTRY_WRITE)
    @Operation(summary = "Upload a registry file to import",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The CSV file: a header row naming the kind's columns, then one row per record",
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))),
            description = "One kind per file (UTF-8, a header row, "
            + "comma-separated, RFC 4180 quoting, dates yyyy-MM-dd, an empty cell for none). Import the kinds in this order, "
            + "since a row may name rows of earlier files only: organizations (a parent before its children), buildings, "
            + "resident-units, youth-league-organizations, trade-unions, members, police-officers (linked to members by "
            + "identity number), area-secretaries, party-workers. The file is stored as it streams in, then imported by a "
            + "job (202 with the job; follow its Location): jobs run one at a time in upload order, a chunk of rows per "
            + "transaction, and a job interrupted by a crash resumes from its last committed chunk on any instance. Each "
            + "row is registered, or counted unchanged (the same row was imported before: importing a file twice changes "
            + "nothing), or rejected with its row number, field and reason (an unknown area or organisation code, a bad "
            + "identity-number check digit, a date that is not one, a row that differs from the one imported before under "
            + "the same key: an import never changes registered data). Personal values are sealed before they enter a "
            + "command and never appear in a rejection. Send the body with its Content-Length (at most 256 MB): it then "
            + "streams into the database; a chunked body is held in memory by the platform's body limit first. 400 for "
            + "an unknown kind or a header that lacks a column; 413 over the limit.")
    public ResponseEntity<ImportJob> upload(Actor actor,
                                            @Parameter(description = "organizations, buildings, resident-units, "
                                                    + "youth-league-organizations, trade-unions, members, police-officers, "
                                                    + "area-secretaries or party-workers") @RequestParam String kind,
                                            HttpServletRequest request) throws IOException {
        ImportKind importKind = ImportKind.of(kind).orElseThrow(() -> new InvalidParameterException("kind",
                "must be one of " + ImportKind.parameters()));
        UUID jobId = jobs.create(importKind, actor.clientId(), request.getInputStream(), properties.maxUploadBytes(),
                first -> {
                    String problem = ImportRunner.headerProblem(importKind, first);
                    if (problem != null) {
                        throw new InvalidParameterException("body", problem);
                    }
                });
        worker.wake();
        ImportJob job = jobs.find(jobId).orElseThrow();
        return ResponseEntity.accepted().location(URI.create(BASE + "/" + jobId)).body(job);
    }

    @GetMapping(BASE + "/{jobId}")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "An import job's progress", description = "Status QUEUED, RUNNING, SUCCEEDED or FAILED (with "
            + "the reason: a file that stops being CSV part-way keeps the rows before); rows read, accepted, unchanged and "
            + "rejected so far (committed chunks); times; rows per second of processing.")
    public ImportJob job(@PathVariable String jobId) {
        return jobs.find(parse(jobId)).orElseThrow(() -> new NotFoundException("import job", jobId));
    }

    @GetMapping(BASE + "/{jobId}/rejections")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "Why rows of an import were not imported", description = "By row (1 = the first row after the "
            + "header) and field; the field 'row' when the whole row is refused. Reasons never repeat a personal value.")
    public Page<ImportRejection> rejections(@PathVariable String jobId, PageQuery page) {
        UUID id = parse(jobId);
        jobs.find(id).orElseThrow(() -> new NotFoundException("import job", jobId));
        return jobs.rejections(id, page).map(r -> new ImportRejection(r.rowNumber(), r.field(), r.reason()));
    }

    @ExceptionHandler(ImportJobs.UploadTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(ImportJobs.UploadTooLarge e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
        problem.setTitle("Upload too large");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    private static UUID parse(String jobId) {
        try {
            return UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("import job", jobId);
        }
    }
}
