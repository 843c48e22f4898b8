package cn.changning.governance.gateway;

import cn.changning.governance.gateway.limits.RateLimitFilter;
import cn.changning.governance.gateway.observation.ClientRequestMetricsFilter;
import cn.changning.governance.gateway.limits.RateLimitProperties;
import cn.changning.governance.http.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.Arrays;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

/**
 * The gateway is the one secured entrance: every API call needs a bearer token, verified here (signature, expiry, issuer, audience) before it is proxied, and a token whose scopes
 * cannot reach the route's service at all is refused here (403). The token goes on to the service as it came (the
 * proxy copies the Authorization header), which verifies it again and checks the route's exact scope and the
 * caller's place. Open without a token: the services' API documents, the Swagger UI and the token endpoint (routed
 * to the authorisation server); management ({@code /actuator}) is served on its own port only. Every request is
 * counted to its client's rate limit; every answer carries the security headers; CORS only when configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RateLimitProperties.class, CorsProperties.class})
public class GatewaySecurity {

    /** The Swagger UI and what it loads: the services' documents (proxied), its configuration, the token endpoint. */
    static final String[] DOCUMENTS = {"/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/swagger-config", "/api-docs/*"};
    private static final String[] OPEN = {"/actuator/**", "/error"};
    /** The case service's Open311 GeoReport v2 facade. */
    static final String OPEN311 = "/open311/v2/**";
    /** The API answers only JSON: nothing to run, frame, load or submit. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** The Swagger UI's scripts and styles are its own files; it calls only this origin (documents, token endpoint). */
    static final String UI_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /** The issuer every token must name, also when the decoder was given a key rather than the issuer URI. */
    @Bean
    public OAuth2TokenValidator<Jwt> issuerCheck(@Value("${governance.security.issuer:${spring.security.oauth2.resourceserver.jwt.issuer-uri:}}") String issuer) {
        return new JwtIssuerValidator(issuer);
    }

    @Bean
    public SecurityFilterChain gatewayFilterChain(HttpSecurity http, RateLimitProperties rateLimits, CorsProperties cors,
                                                  MeterRegistry meterRegistry) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        RequestMatcher documents = new OrRequestMatcher(Arrays.stream(DOCUMENTS).map(p -> (RequestMatcher) antMatcher(p)).toList());
        http.headers(h -> h
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(documents,
                        new StaticHeadersWriter("Content-Security-Policy", UI_CSP)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(documents),
                        new StaticHeadersWriter("Content-Security-Policy", API_CSP))));
        if (cors.enabled()) {
            http.cors(c -> c.configurationSource(corsSource(cors)));
        } else {
            http.cors(AbstractHttpConfigurer::disable);
        }
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return http
                .authorizeHttpRequests(a -> a
                        // only the gateway forwards (a route's circuit breaker to its 503 answer); the call was checked
                        .dispatcherTypeMatchers(DispatcherType.FORWARD).permitAll()
                        .requestMatchers(OPEN).permitAll()
                        .requestMatchers(HttpMethod.GET, DOCUMENTS).permitAll()
                        .requestMatchers(HttpMethod.POST, "/oauth2/token").permitAll()
                        // Open311 partners send an api_key, not a token: the case service checks it. Counted to the
                        // caller's address (the anonymous bucket), answered with the API's CSP like any API call.
                        .requestMatchers(OPEN311).permitAll()
                        .requestMatchers("/api/v1/cases", "/api/v1/cases/**")
                        .hasAnyAuthority("SCOPE_cases:report", "SCOPE_cases:read", "SCOPE_cases:handle")
                        .requestMatchers(HttpMethod.GET, "/api/v1/geography/**", "/api/v1/geography", "/api/v1/catalogue/**",
                                "/api/v1/responsibility-list", "/api/v1/responsibility-list/**")
                        .hasAuthority("SCOPE_reference:read")
                        .requestMatchers("/api/v1/agencies", "/api/v1/agencies/**")
                        .hasAnyAuthority("SCOPE_reference:read", "SCOPE_dispatch:read")
                        .requestMatchers("/api/v1/dispatch-orders", "/api/v1/dispatch-orders/**", "/api/v1/dispatch/**")
                        .hasAnyAuthority("SCOPE_dispatch:read", "SCOPE_dispatch:street", "SCOPE_dispatch:agency", "SCOPE_dispatch:district")
                        .requestMatchers("/api/v1/assessments/**")
                        .hasAnyAuthority("SCOPE_assessment:read", "SCOPE_assessment:street", "SCOPE_assessment:department",
                                "SCOPE_assessment:district")
                        .requestMatchers("/api/v1/party/**")
                        .hasAnyAuthority("SCOPE_registry:read", "SCOPE_registry:write")
                        .anyRequest().denyAll())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> {
                        })
                        .authenticationEntryPoint((request, response, e) -> {
                            bearer.commence(request, response, e);
                            Problems.write(response, 401, "unauthenticated", "Unauthenticated",
                                    "a valid bearer token is required: " + e.getMessage());
                        })
                        .accessDeniedHandler((request, response, e) -> Problems.write(response, 403,
                                "forbidden", "Forbidden", "the token's scopes do not reach this route")))
                // just after the token is read: timed per client (429s included), then counted to its client, or to the
                // address when there is none
                .addFilterAfter(new ClientRequestMetricsFilter(meterRegistry), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(rateLimits), ClientRequestMetricsFilter.class)
                .build();
    }

    private static UrlBasedCorsConfigurationSource corsSource(CorsProperties cors) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.getAllowedOrigins());
        configuration.setAllowedMethods(cors.getAllowedMethods());
        configuration.setAllowedHeaders(cors.getAllowedHeaders());
        configuration.setExposedHeaders(cors.getExposedHeaders());
        configuration.setMaxAge(cors.getMaxAge());
        configuration.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }
}
