package cn.changning.governance.common.security;

import cn.changning.governance.contracts.identity.Scopes;
import org.springframework.security.access.prepost.PreAuthorize;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a route asks of its caller's token: without it, 403. Every API route carries one (a route without is
 * refused, see {@link ScopeRuleRequired}), beside its mapping, so the rule is where the route is. Spring Security's
 * method security reads it as a templated {@link PreAuthorize}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAuthority('SCOPE_{value}')")
public @interface RequiresScope {

    /** One of {@link Scopes}. */
    String value();
}
