package cn.changning.governance.cases.api.open311;

import cn.changning.governance.common.domain.DomainRuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every refusal of the Open311 paths as the spec's error list ({@code [{code, description}]}, XML
 * {@code <errors><error>}) in the format the path asks for, never problem+json: 403 for the key, 404 for a missing
 * resource, 400 for anything else the caller sent. {@code code} is the HTTP status, as most Open311 servers give it.
 * Ahead of the platform's problem advice, for these controllers only.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {Open311ServicesController.class, Open311RequestsController.class})
public class Open311ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(Open311ErrorAdvice.class);

    private static final int MAX_DESCRIPTION = 300;

    private final Open311Writer writer;

    public Open311ErrorAdvice(Open311Writer writer) {
        this.writer = writer;
    }

    @ExceptionHandler(Open311Exception.class)
    public ResponseEntity<byte[]> refused(Open311Exception e, HttpServletRequest request) {
        return error(request, e.status(), e.getMessage());
    }

    /** A rule of the case (e.g. the description's length): the field it names. */
    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<byte[]> commandFailed(CommandExecutionException e, HttpServletRequest request) {
        if (e.getCause() instanceof DomainRuleViolation rule) {
            return ruleViolated(rule, request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(DomainRuleViolation.class)
    public ResponseEntity<byte[]> ruleViolated(DomainRuleViolation rule, HttpServletRequest request) {
        HttpStatus status = rule.kind() == DomainRuleViolation.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return error(request, status, (rule.field() == null ? "" : rule.field() + ": ") + rule.getMessage());
    }

    @ExceptionHandler(EventStoreException.class)
    public ResponseEntity<byte[]> storeUnavailable(EventStoreException e, HttpServletRequest request) {
        log.error("Event store failure on {}", request.getRequestURI(), e);
        return error(request, HttpStatus.SERVICE_UNAVAILABLE, "the store could not be reached; nothing was changed, retry later");
    }

    /**
     * Spring's own refusals (a parameter it could not read, a body it could not take): 400, or their 403/404. Anything
     * else is a fault of ours: 500, still as the spec's list, with nothing of the exception in it.
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            int status = refusal.getStatusCode().value();
            return error(request, status == 403 || status == 404 ? HttpStatus.valueOf(status) : HttpStatus.BAD_REQUEST,
                    "the request could not be read (" + status + ")");
        }
        StackTraceElement[] where = e.getStackTrace();
        log.error("Open311 {} failed: {} at {}", request.getRequestURI(), e.getClass().getName(), where.length > 0 ? where[0] : "?");
        return error(request, HttpStatus.INTERNAL_SERVER_ERROR, "the request could not be completed");
    }

    private ResponseEntity<byte[]> error(HttpServletRequest request, HttpStatus status, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status.value());
        // A description may echo what was sent (a code, a path): never more than a line of it.
        error.put("description", description.length() > MAX_DESCRIPTION ? description.substring(0, MAX_DESCRIPTION) + "…" : description);
        return writer.respond(status, Open311Format.ofPath(request.getRequestURI()),
                Open311Writer.Answer.list("errors", "error", List.of(error)));
    }
}
