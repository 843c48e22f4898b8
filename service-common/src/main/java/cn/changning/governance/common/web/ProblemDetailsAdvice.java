package cn.changning.governance.common.web;

import cn.changning.governance.common.domain.DomainRuleViolation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error leaves as {@code application/problem+json} (RFC 9457). Validation errors list
 * each field with its reason in {@code errors}; domain rule violations carry a stable
 * {@code code}. Nothing unexpected leaks as a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    public static final String TYPE_BASE = "https://changning.gov.cn/problems/";
    /** The problem type of a state change without If-Match (428). */
    public static final String PRECONDITION_REQUIRED = "precondition-required";
    /** The problem type of a state change whose If-Match is not the current version (412). */
    public static final String PRECONDITION_FAILED = "precondition-failed";

    /** One field's problem: the JSON path of the field and why it was refused. */
    public record FieldProblem(String field, String reason) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException ex,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), reason(e)))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(@NonNull HandlerMethodValidationException ex,
                                                                            @NonNull HttpHeaders headers,
                                                                            @NonNull HttpStatusCode status,
                                                                            @NonNull WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> new FieldProblem(
                        r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException ex,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        ProblemDetail problem;
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String reason = mapping instanceof InvalidFormatException invalid
                    ? "cannot read '" + invalid.getValue() + "' as " + invalid.getTargetType().getSimpleName()
                    + (invalid.getTargetType().isEnum() ? " (one of " + List.of(invalid.getTargetType().getEnumConstants()) + ")" : "")
                    : "cannot be read: " + mapping.getOriginalMessage();
            problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", field + ": " + reason);
            problem.setProperty("errors", List.of(new FieldProblem(field, reason)));
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The body is not valid JSON for this operation");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        String reason = "cannot read '" + ex.getValue() + "'"
                + (ex.getRequiredType() != null ? " as " + ex.getRequiredType().getSimpleName() : "");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", ex.getName() + ": " + reason);
        problem.setProperty("errors", List.of(new FieldProblem(ex.getName(), reason)));
        return problem;
    }

    @ExceptionHandler(DomainRuleViolation.class)
    public ProblemDetail ruleViolated(DomainRuleViolation ex) {
        HttpStatus status = switch (ex.kind()) {
            case INVALID_INPUT -> HttpStatus.UNPROCESSABLE_ENTITY;
            case STATE_CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        ProblemDetail problem = problem(status, ex.code(), title(ex.code()), ex.getMessage());
        problem.setProperty("code", ex.code());
        if (ex.field() != null) {
            problem.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.getMessage())));
        }
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    public ProblemDetail notFound(NotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ProblemDetail aggregateNotFound(AggregateNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No " + ex.getAggregateIdentifier() + " here");
    }

    /** A state change without If-Match: 428 Precondition Required (RFC 6585), naming the header. */
    @ExceptionHandler(PreconditionRequiredException.class)
    public ProblemDetail preconditionRequired(PreconditionRequiredException ex) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_REQUIRED, PRECONDITION_REQUIRED, "Precondition required",
                ex.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem(ex.header(), "is required: the resource's ETag as last read, or *")));
        return problem;
    }

    /**
     * If-Match named a version that is not the current one: 412 Precondition Failed (RFC 9110 13.1.1),
     * with the current version in the problem and as ETag, so the client can re-read and decide again.
     */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    public ResponseEntity<ProblemDetail> versionConflict(ConflictingAggregateVersionException ex) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, PRECONDITION_FAILED, "Precondition failed",
                "If-Match asked for version " + ex.getExpectedVersion() + " but the current version is " + ex.getActualVersion()
                        + "; read the resource again and retry with its ETag");
        problem.setProperty("expectedVersion", ex.getExpectedVersion());
        problem.setProperty("currentVersion", ex.getActualVersion());
        problem.setProperty("errors", List.of(new FieldProblem(ExpectedVersion.HEADER,
                "is not the current version " + ETags.of(ex.getActualVersion()))));
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag(ETags.of(ex.getActualVersion())).body(problem);
    }

    /** A query parameter out of range or unreadable (e.g. {@code size=500}): 400 naming it. */
    @ExceptionHandler(InvalidParameterException.class)
    public ProblemDetail invalidParameter(InvalidParameterException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request", ex.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem(ex.parameter(), ex.reason())));
        return problem;
    }

    /** A body that names another actor than the caller's token: 403 naming the field, nothing done. */
    @ExceptionHandler(ActorMismatchException.class)
    public ProblemDetail actorMismatch(ActorMismatchException ex) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "actor-mismatch", "Actor mismatch", ex.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem(ex.field(), "is not the caller")));
        return problem;
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    public ProblemDetail alreadyExists(AggregateStreamCreationException ex) {
        return problem(HttpStatus.CONFLICT, "already-exists", "Already exists",
                "A resource with this id exists already");
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ProblemDetail concurrency(ConcurrencyException ex) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "Another change to the same resource was made at the same time; read it again and retry");
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException ex) {
        Object details = ex.getDetails().orElse(null);
        if (ex.getCause() instanceof DomainRuleViolation violation) {
            ProblemDetail problem = ruleViolated(violation);
            return ResponseEntity.status(problem.getStatus()).body(problem);
        }
        log.error("Command failed: {}", details, ex);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "The command could not be completed; nothing was changed"));
    }

    @ExceptionHandler(EventStoreException.class)
    public ProblemDetail storeUnavailable(EventStoreException ex) {
        log.error("Event store failure", ex);
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
                "The event store could not be reached; nothing was changed, retry later");
        return problem;
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    private static String title(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String reason(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

}
