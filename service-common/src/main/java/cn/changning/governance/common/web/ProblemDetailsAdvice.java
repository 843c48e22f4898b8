package cn.changning.governance.common.web;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.http.Problems;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
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
    public static final String TYPE_BASE = Problems.TYPE_BASE;
    /** The problem type of a state change without If-Match (428). */
    public static final String PRECONDITION_REQUIRED = "precondition-required";
    /** The problem type of a state change whose If-Match is not the current version (412). */
    public static final String PRECONDITION_FAILED = "precondition-failed";

    /** Longest detail a problem carries: a backstop, in case a message was built from input. */
    static final int MAX_DETAIL = 400;

    /**
     * One field's problem: the JSON path of the field (or the parameter or header) and why it was refused. Both may
     * come from the input (an unknown field's name): bounded and escaped like any echo of it.
     */
    public record FieldProblem(String field, String reason) {
        public FieldProblem {
            field = field == null ? null : UntrustedText.excerpt(field, 100);
            reason = reason == null ? null : UntrustedText.excerpt(reason, 300);
        }
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
        // A body validated as part of the method (a parameter has constraints too) still names its fields.
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r instanceof ParameterErrors body
                        ? body.getFieldErrors().stream().map(e -> new FieldProblem(e.getField(), reason(e)))
                        : r.getResolvableErrors().stream().map(e -> new FieldProblem(parameterName(r.getMethodParameter()),
                        e.getDefaultMessage())))
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
        FieldProblem refused = BodyProblems.describe(ex);
        ProblemDetail problem;
        if (refused.field() != null) {
            problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", refused.field() + ": " + refused.reason());
            problem.setProperty("errors", List.of(refused));
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", "The body " + refused.reason());
            problem.setProperty("errors", List.of(new FieldProblem("body", refused.reason())));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        String why = refusal(ex) != null ? refusal(ex)
                : ex.getRequiredType() != null ? "must be " + BodyProblems.expected(ex.getRequiredType()) : "cannot be read";
        String reason = "cannot read '" + UntrustedText.excerpt(ex.getValue()) + "': " + why;
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
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No " + UntrustedText.excerpt(ex.getAggregateIdentifier()) + " here");
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
        if (ex.getActualVersion() < 0) { // a create-if-missing resource with no events: no version to match yet
            ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, PRECONDITION_FAILED, "Precondition failed",
                    "If-Match asked for version " + ex.getExpectedVersion() + " but the resource has no version yet; "
                            + "send If-Match: * to act on it");
            problem.setProperty("expectedVersion", ex.getExpectedVersion());
            problem.setProperty("errors", List.of(new FieldProblem(ExpectedVersion.HEADER, "names a version of a resource that has none yet")));
            return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(problem);
        }
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, PRECONDITION_FAILED, "Precondition failed",
                "If-Match asked for version " + ex.getExpectedVersion() + " but the current version is " + ex.getActualVersion()
                        + "; read the resource again and retry with its ETag");
        problem.setProperty("expectedVersion", ex.getExpectedVersion());
        problem.setProperty("currentVersion", ex.getActualVersion());
        problem.setProperty("errors", List.of(new FieldProblem(ExpectedVersion.HEADER,
                "is not the current version " + ETags.of(ex.getActualVersion()))));
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag(ETags.of(ex.getActualVersion())).body(problem);
    }

    /**
     * Every problem of Spring's own handlers (415, 405, 400 of a missing parameter...) with its Content-Type set, so it
     * is written as problem+json without negotiating against the request's Accept: a request with a bad Content-Type
     * and an Accept of nothing we answer got an empty 415 before.
     */
    @Override
    protected @NonNull ResponseEntity<Object> createResponseEntity(Object body, @NonNull HttpHeaders headers,
                                                                   @NonNull HttpStatusCode statusCode, @NonNull WebRequest request) {
        if (body instanceof ProblemDetail && headers.getContentType() == null) {
            HttpHeaders withType = new HttpHeaders();
            withType.putAll(headers);
            withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(body, withType, statusCode);
        }
        return new ResponseEntity<>(body, headers, statusCode);
    }

    /** An Accept no answer of the API meets: 406, written as problem+json whatever the Accept (nothing done). */
    /**
     * Spring's own 406, raised while choosing the handler: a route that answers only another type (a CSV export) and an
     * Accept that admits none of its types. Answered like {@link AcceptCheck}'s refusal, as problem+json, never empty.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(@NonNull org.springframework.web.HttpMediaTypeNotAcceptableException ex,
                                                                      @NonNull HttpHeaders headers,
                                                                      @NonNull HttpStatusCode status,
                                                                      @NonNull WebRequest request) {
        String reason = "admits none of the types this route answers: "
                + ex.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        ProblemDetail problem = problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable", HttpHeaders.ACCEPT + " " + reason);
        problem.setProperty("errors", List.of(new FieldProblem(HttpHeaders.ACCEPT, reason)));
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(AcceptCheck.NotAcceptableException.class)
    public ResponseEntity<ProblemDetail> notAcceptable(AcceptCheck.NotAcceptableException ex) {
        ProblemDetail problem = problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                HttpHeaders.ACCEPT + " " + ex.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem(HttpHeaders.ACCEPT, ex.getMessage())));
        // Content-Type set here, so Spring writes it without negotiating against the very Accept refused.
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
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

    /**
     * Anything no other handler knows: a fault of ours, not the client's. 500 with nothing of the exception in the
     * answer, and one log line (with its trace id, from the MDC, and where it was thrown) that an operator can follow. Refusals of Spring
     * Security (403/401) pass on to its handlers.
     */
    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception ex) throws Exception {
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            throw ex;
        }
        // One line (its trace id comes with the log pattern), escaped: a message may hold input.
        StackTraceElement[] where = ex.getStackTrace();
        log.error("Unexpected failure: {} at {}", UntrustedText.excerpt(ex, 300), where.length > 0 ? where[0] : "?");
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request could not be completed; if it changed anything, read the resource again before retrying");
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail == null ? null : UntrustedText.excerpt(detail, MAX_DETAIL));
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    private static String title(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The reason a strict converter gave ({@link StrictParameters}), if it was one. */
    private static String refusal(MethodArgumentTypeMismatchException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof StrictParameters.RefusedParameterException refused) {
                return refused.getMessage();
            }
        }
        return null;
    }

    /** The name a client knows a parameter by: the query parameter's, path variable's or header's. */
    private static String parameterName(MethodParameter parameter) {
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null && !(query.name().isEmpty() && query.value().isEmpty())) {
            return query.name().isEmpty() ? query.value() : query.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !(path.name().isEmpty() && path.value().isEmpty())) {
            return path.name().isEmpty() ? path.value() : path.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !(header.name().isEmpty() && header.value().isEmpty())) {
            return header.name().isEmpty() ? header.value() : header.name();
        }
        return parameter.getParameterName();
    }

    private static String reason(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

}
