package cn.changning.governance.common.idempotency;

import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.web.ProblemDetailsAdvice;
import cn.changning.governance.common.web.ProblemDetailsAdvice.FieldProblem;
import cn.changning.governance.http.BufferedBodyRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Idempotent POSTs, for every POST of every service, with no code in the handlers. The rule a partner relies on:
 * <b>a POST that carries {@code Idempotency-Key} is done at most once per client and key</b>.
 * <ul>
 *   <li>The key is the client's own: it is scoped to the token's client id (two clients using the same key never
 *       meet). It is 1–255 visible ASCII characters (%x21–7E), given once; else 400 problem+json naming the header.</li>
 *   <li>The first request with a key runs; if it succeeds (status below 400) its status, headers (Location, ETag,
 *       Content-Type and the others the handler set, not hop-by-hop or per-exchange ones such as Date or the request
 *       id) and body are stored, in the service's own PostgreSQL database, before they are sent.</li>
 *   <li>The same key with the same request (method, path, query, content type and body bytes, as SHA-256) answers
 *       the stored status, headers and body again, marked {@code Idempotent-Replayed: true}; nothing runs.</li>
 *   <li>The same key with another request answers 422 problem+json (type {@code idempotency-key-reused}, naming
 *       the header); nothing runs.</li>
 *   <li>While the first request with a key still runs, the same key answers 409 problem+json (type
 *       {@code idempotency-key-in-flight}) with {@code Retry-After}.</li>
 *   <li>A refusal (4xx), an error (5xx) or an exception is not kept: the key is released and a retry runs again.
 *       A 4xx changed nothing on this platform, and what made it (the token, If-Match, the resource's state, the
 *       body) may be different at the retry: replaying it would only stop the client from correcting it.</li>
 *   <li>A key is kept {@code governance.idempotency.retention} (24 h): then it is ignored (the next request with it
 *       runs as a first one) and purged. A key held by a request that crashed is taken over by a retry after
 *       {@code governance.idempotency.in-flight-timeout} (1 min). Such a retry runs the handler again, so a create
 *       derives the id it creates from {@link IdempotencyKey#derivedId} and meets what the crashed run created.</li>
 * </ul>
 * Other methods ignore the header (GET, PUT and DELETE are idempotent already). A request without a verified token
 * never gets here for an API route (Spring Security's chain runs first and refuses it); elsewhere the header is
 * ignored. A body with a key is read whole (at most {@code governance.idempotency.max-body}, else 413).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    static final String INVALID_KEY = "invalid-idempotency-key";
    static final String KEY_REUSED = "idempotency-key-reused";
    static final String KEY_IN_FLIGHT = "idempotency-key-in-flight";
    static final String TOO_LARGE = "request-too-large";
    /** Seconds a client is asked to wait while the first request with its key runs: requests take well under one. */
    static final String RETRY_AFTER_SECONDS = "1";
    private static final String STORE_RETRY_AFTER_SECONDS = "5";

    /** Not kept: hop-by-hop (RFC 9110 7.6.1), or of this exchange only, or set again by the container. */
    private static final Set<String> NOT_KEPT = Set.of("connection", "proxy-connection", "keep-alive", "te", "trailer",
            "transfer-encoding", "upgrade", "content-length", "date", "set-cookie", "content-type");

    private final IdempotencyRecords records;
    private final IdempotencyMetrics metrics;
    private final ObjectMapper json;
    private final long maxBody;

    public IdempotencyFilter(IdempotencyRecords records, IdempotencyMetrics metrics, ObjectMapper json,
                             IdempotencyProperties properties) {
        this.records = records;
        this.metrics = metrics;
        this.json = json;
        this.maxBody = properties.maxBody().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(IdempotencyKey.HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> given = Collections.list(request.getHeaders(IdempotencyKey.HEADER));
        String key = given.get(0);
        if (given.size() > 1 || !isValid(key)) {
            problem(response, HttpStatus.BAD_REQUEST, INVALID_KEY, "Invalid Idempotency-Key",
                    "must be given once, 1 to 255 visible ASCII characters (e.g. a UUID)");
            return;
        }
        String clientId = caller();
        if (clientId == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readBody(request);
        if (body == null) {
            problem(response, HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE, "Request too large",
                    "a request with an Idempotency-Key may have a body of at most " + maxBody + " bytes");
            return;
        }
        String fingerprint = RequestFingerprint.of(request, body);
        IdempotencyRecords.Claim claim;
        try {
            claim = records.claim(clientId, key, fingerprint);
        } catch (DataAccessException e) {
            log.warn("Idempotency records unreachable: {}", e.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER_SECONDS);
            write(response, ProblemDetailsAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                    "Store unavailable", "The request was not run: its Idempotency-Key could not be checked; retry later"));
            return;
        }
        switch (claim.decision()) {
            case REPLAY -> replay(response, claim.response());
            case MISMATCH -> {
                metrics.count(IdempotencyMetrics.Outcome.MISMATCH);
                problem(response, HttpStatus.UNPROCESSABLE_ENTITY, KEY_REUSED, "Idempotency-Key reused",
                        "was used before with another request (method, path, query, content type or body); "
                                + "use a new key for a new request");
            }
            case IN_FLIGHT -> {
                metrics.count(IdempotencyMetrics.Outcome.CONFLICT);
                response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
                problem(response, HttpStatus.CONFLICT, KEY_IN_FLIGHT, "Idempotency-Key in flight",
                        "the first request with this key is still running; retry after " + RETRY_AFTER_SECONDS + " s");
            }
            case RUN -> {
                if (claim.takenOver()) {
                    log.info("Idempotency-Key of {} taken over from a request that held it too long", clientId);
                }
                run(new IdempotencyKey(clientId, key, fingerprint), claim.owner(), body, request, response, chain);
            }
        }
    }

    private void run(IdempotencyKey key, String owner, byte[] body, HttpServletRequest request,
                     HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        // Headers already set (the request id, the trace response) belong to this exchange, not to the answer.
        Set<String> exchangeHeaders = lowerCase(response.getHeaderNames());
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        BufferedBodyRequest runRequest = new BufferedBodyRequest(request, body);
        runRequest.setAttribute(IdempotencyKey.ATTRIBUTE, key);
        boolean kept = false;
        try {
            chain.doFilter(runRequest, answer);
            if (answer.getStatus() < 400 && !request.isAsyncStarted()) {
                kept = keep(key, owner, stored(answer, exchangeHeaders));
            }
        } finally {
            metrics.count(kept ? IdempotencyMetrics.Outcome.EXECUTED : IdempotencyMetrics.Outcome.RELEASED);
            if (!kept) {
                release(key, owner);
            }
        }
        answer.copyBodyToResponse();
    }

    /** Stores the answer; when it cannot, the answer still goes out and a retry runs again (meeting what this run made). */
    private boolean keep(IdempotencyKey key, String owner, StoredResponse answer) {
        try {
            if (records.complete(key.clientId(), key.key(), owner, answer)) {
                return true;
            }
            log.warn("The Idempotency-Key of {} was taken over while its request ran; its answer is not kept", key.clientId());
        } catch (DataAccessException e) {
            log.warn("The answer to an Idempotency-Key of {} could not be kept: {}", key.clientId(), e.toString());
        }
        return false;
    }

    private void release(IdempotencyKey key, String owner) {
        try {
            records.release(key.clientId(), key.key(), owner);
        } catch (RuntimeException e) {
            // The key stays in flight until the in-flight timeout lets a retry take it over.
            log.warn("Could not release the Idempotency-Key of {}: {}", key.clientId(), e.toString());
        }
    }

    private StoredResponse stored(ContentCachingResponseWrapper answer, Set<String> exchangeHeaders) {
        List<StoredResponse.Header> headers = new ArrayList<>();
        if (answer.getContentType() != null) {
            headers.add(new StoredResponse.Header(HttpHeaders.CONTENT_TYPE, answer.getContentType()));
        }
        for (String name : new HashSet<>(answer.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_KEPT.contains(lower) && !exchangeHeaders.contains(lower)) {
                answer.getHeaders(name).forEach(value -> headers.add(new StoredResponse.Header(name, value)));
            }
        }
        return new StoredResponse(answer.getStatus(), headers, answer.getContentAsByteArray());
    }

    private void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
        metrics.count(IdempotencyMetrics.Outcome.REPLAYED);
        response.setStatus(stored.status());
        Set<String> set = new HashSet<>();
        for (StoredResponse.Header header : stored.headers()) {
            if (set.add(header.name().toLowerCase(Locale.ROOT))) {
                response.setHeader(header.name(), header.value());
            } else {
                response.addHeader(header.name(), header.value());
            }
        }
        response.setHeader(IdempotencyKey.REPLAYED_HEADER, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    /** The body, read whole; null if it is larger than allowed. */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBody) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
            return body.length > maxBody ? null : body;
        }
    }

    /** The token's client, whom keys belong to; null without a verified token. */
    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token ? Actor.from(token.getToken()).clientId() : null;
    }

    static boolean isValid(String key) {
        if (key.isEmpty() || key.length() > 255) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private void problem(HttpServletResponse response, HttpStatus status, String type, String title, String reason)
            throws IOException {
        ProblemDetail problem = ProblemDetailsAdvice.problem(status, type, title, IdempotencyKey.HEADER + ": " + reason);
        problem.setProperty("errors", List.of(new FieldProblem(IdempotencyKey.HEADER, reason)));
        write(response, problem);
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static Set<String> lowerCase(Iterable<String> names) {
        Set<String> lower = new HashSet<>();
        names.forEach(n -> lower.add(n.toLowerCase(Locale.ROOT)));
        return lower;
    }
}
