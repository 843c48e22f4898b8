package cn.changning.governance.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.lang.NonNull;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Collections;
import java.util.List;

/**
 * Refuses, before the handler runs, a request whose {@code Accept} admits neither JSON nor problem+json (or cannot be
 * read): 406 problem+json. Spring would otherwise negotiate only when writing the answer, after an action had been
 * carried out, and answer 406 with an empty body to a change that was made. No {@code Accept} means anything.
 */
public final class AcceptCheck implements HandlerInterceptor {

    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response, @NonNull Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (accept.isEmpty()) {
            return true;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new NotAcceptableException("cannot be read as media types (e.g. application/json)");
        }
        boolean answerable = types.stream().anyMatch(t -> t.getQualityValue() > 0
                && ANSWERS.stream().anyMatch(t::isCompatibleWith));
        if (!answerable) {
            throw new NotAcceptableException("admits neither application/json nor application/problem+json, the only answers given");
        }
        return true;
    }

    /** An Accept the service cannot answer; the problem is written as problem+json regardless (RFC 9110 12.5.1). */
    public static final class NotAcceptableException extends RuntimeException {
        public NotAcceptableException(String reason) {
            super(reason);
        }
    }
}
