package cn.changning.governance.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.lang.NonNull;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * Refuses a request whose query parameters, path variables or the headers the services read ({@code If-Match},
 * {@code Idempotency-Key}) hold a control character (NUL, C0, DEL) or are longer than {@value #MAX_LENGTH}
 * characters: 400 naming it, before anything reads them. Left
 * through, a NUL reaches PostgreSQL, which refuses it as a store failure (once answered 503), or MongoDB (500).
 * Body strings are checked as they are read ({@link StrictJson}).
 */
public class ControlCharacterCheck implements HandlerInterceptor {

    /** Longest value a parameter, path variable or header may have; the fields' own rules are narrower. */
    static final int MAX_LENGTH = 1000;
    /** The headers whose values the services use. */
    static final List<String> HEADERS = List.of(ExpectedVersion.HEADER, "Idempotency-Key");

    @Override
    public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response, @NonNull Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            check(parameter.getKey(), parameter.getKey());
            for (String value : parameter.getValue()) {
                check(parameter.getKey(), value);
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value)));
        }
        for (String header : HEADERS) {
            Enumeration<String> values = request.getHeaders(header);
            while (values != null && values.hasMoreElements()) {
                check(header, values.nextElement());
            }
        }
        return true;
    }

    private static void check(String name, String value) {
        String problem = value.length() > MAX_LENGTH ? "is longer than " + MAX_LENGTH + " characters"
                : UntrustedText.controlCharacterProblem(value, false);
        if (problem != null) {
            throw new InvalidParameterException(UntrustedText.excerpt(name), problem);
        }
    }
}
