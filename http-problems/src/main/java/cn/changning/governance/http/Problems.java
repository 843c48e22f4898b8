package cn.changning.governance.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform's problem+json (RFC 9457) as the web server writes it, outside any controller: {@code type},
 * {@code title}, {@code status}, {@code detail}, nothing else (no exception message, no stack trace, no server name).
 * Written as a plain map, so it needs neither Spring's ObjectMapper nor its ProblemDetail mix-in.
 */
public final class Problems {

    /** The base of every problem type of the platform (the services' ProblemDetailsAdvice uses the same). */
    public static final String TYPE_BASE = "https://changning.gov.cn/problems/";
    public static final String MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** The problem's members in RFC 9457's order. */
    public static Map<String, Object> body(int status, String type, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }

    public static String json(int status, String type, String title, String detail) {
        try {
            return JSON.writeValueAsString(body(status, type, title, detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers with the problem, unless the answer has already begun. */
    public static void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] body = json(status, type, title, detail).getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The platform's problem for a bare status: a stable type and a detail that says what to do, never why inside. */
    public static void write(HttpServletResponse response, int status) throws IOException {
        StatusProblem p = forStatus(status);
        write(response, status, p.type(), p.title(), p.detail());
    }

    /** What the platform says for a status when it has nothing more specific to say. */
    public static StatusProblem forStatus(int status) {
        return switch (status) {
            case 400 -> new StatusProblem("bad-request", "Bad request", "The request is malformed and cannot be read");
            case 401 -> new StatusProblem("unauthenticated", "Unauthenticated", "A valid bearer token is required");
            case 403 -> new StatusProblem("forbidden", "Forbidden", "This request is not allowed");
            case 404 -> new StatusProblem("not-found", "Not found", "Nothing is here");
            case 405 -> new StatusProblem("method-not-allowed", "Method not allowed",
                    "This method is not allowed here; the Allow header names those that are");
            case 406 -> new StatusProblem("not-acceptable", "Not acceptable",
                    "None of the accepted media types can be answered; accept application/json");
            case 408 -> new StatusProblem("request-timeout", "Request timeout", "The request was not received in time");
            case 413 -> new StatusProblem("request-too-large", "Request too large", "The request body is larger than allowed here");
            case 414 -> new StatusProblem("uri-too-long", "URI too long", "The request's URI is longer than allowed");
            case 415 -> new StatusProblem("unsupported-media-type", "Unsupported media type",
                    "This content type is not accepted here; send application/json");
            case 431 -> new StatusProblem("headers-too-large", "Request headers too large", "The request's headers are larger than allowed");
            case 429 -> new StatusProblem("too-many-requests", "Too many requests", "Too many requests; retry after the time Retry-After names");
            case 503 -> new StatusProblem("service-unavailable", "Service unavailable", "The service is unavailable; retry later");
            case 504 -> new StatusProblem("gateway-timeout", "Gateway timeout", "The service did not answer in time; retry later");
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                if (status >= 500) {
                    yield new StatusProblem("internal-error", "Internal error", "The request could not be completed");
                }
                String phrase = known == null ? "Client error" : known.getReasonPhrase();
                yield new StatusProblem(phrase.toLowerCase().replace(' ', '-'), phrase, phrase);
            }
        };
    }

    /** The type (after {@link #TYPE_BASE}), title and detail of a status's problem. */
    public record StatusProblem(String type, String title, String detail) {
    }
}
