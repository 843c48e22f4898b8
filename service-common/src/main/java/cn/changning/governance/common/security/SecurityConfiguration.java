package cn.changning.governance.common.security;

import cn.changning.governance.common.web.ProblemDetailsAdvice;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * Every service is an OAuth2 resource server: each API request carries a bearer JWT, verified here (signature, expiry,
 * issuer, audience; Boot builds the decoder from {@code spring.security.oauth2.resourceserver.jwt.*}, which the
 * shared defaults point at {@code GOVERNANCE_ISSUER_URI}), its scopes are the authorities {@link RequiresScope}
 * asks for, and its claims are the {@link Actor}. Health, metrics and the API documents stay open on the service's
 * own port (the gateway does not route them). Refusals are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    private static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    /** Lets {@link RequiresScope} be a templated {@code @PreAuthorize}. */
    @Bean
    static AnnotationTemplateExpressionDefaults scopeTemplates() {
        return new AnnotationTemplateExpressionDefaults();
    }

    /**
     * The issuer every token must name, also where the decoder was given a key or a JWK set URI rather than the
     * issuer URI (Boot checks the issuer only in the latter case). Boot adds this validator to its decoder.
     */
    @Bean
    public OAuth2TokenValidator<Jwt> issuerCheck(@Value("${governance.security.issuer:${spring.security.oauth2.resourceserver.jwt.issuer-uri:}}") String issuer) {
        if (issuer.isBlank()) {
            throw new IllegalStateException("No token issuer configured: set GOVERNANCE_ISSUER_URI (see deploy/README.md)");
        }
        return new JwtIssuerValidator(issuer);
    }

    @Bean
    public SecurityFilterChain governanceSecurity(HttpSecurity http, ObjectProvider<ObjectMapper> objectMapper) throws Exception {
        ObjectMapper json = objectMapper.getIfAvailable(ObjectMapper::new);
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(OPEN).permitAll().anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtAuthenticationConverter(SecurityConfiguration::authenticate))
                        .authenticationEntryPoint((request, response, e) -> {
                            bearer.commence(request, response, e); // the WWW-Authenticate header RFC 6750 asks for
                            write(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                                    "a valid bearer token is required: " + e.getMessage());
                        })
                        .accessDeniedHandler((request, response, e) -> write(response, json, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "the token's scopes do not allow this")));
        return http.build();
    }

    @Bean
    public WebMvcConfigurer actorArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ActorArgumentResolver());
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ScopeRuleRequired());
            }
        };
    }

    /** A verified token becomes an authentication only if it names one of our callers; else 401. */
    private static JwtAuthenticationToken authenticate(Jwt jwt) {
        try {
            Actor.from(jwt);
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("not a caller of this platform: " + e.getMessage());
        }
        Collection<GrantedAuthority> scopes = new JwtGrantedAuthoritiesConverter().convert(jwt);
        return new JwtAuthenticationToken(jwt, scopes, jwt.getSubject());
    }

    private static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String type,
                              String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetailsAdvice.problem(status, type, title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
