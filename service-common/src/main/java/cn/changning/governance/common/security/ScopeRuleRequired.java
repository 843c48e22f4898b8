package cn.changning.governance.common.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Deny by default: an API route that names no {@link RequiresScope} is refused (403) rather than open to any holder
 * of a token. A route added without its rule fails the authorisation matrix test too; this keeps it shut meanwhile.
 */
final class ScopeRuleRequired implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ScopeRuleRequired.class);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && request.getRequestURI().startsWith("/api/")
                && !method.hasMethodAnnotation(RequiresScope.class)) {
            log.error("{} {} has no scope rule (@RequiresScope) and is refused", request.getMethod(), method.getShortLogMessage());
            throw new AccessDeniedException("this route has no scope rule");
        }
        return true;
    }
}
