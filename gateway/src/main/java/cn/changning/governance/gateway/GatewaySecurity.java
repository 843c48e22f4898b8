package cn.changning.governance.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.net.URI;

/**
 * The gateway is the one secured entrance: every API call needs a bearer token, verified here (signature, expiry, issuer, audience) before it is proxied, and a token whose scopes
 * cannot reach the route's service at all is refused here (403). The token goes on to the service as it came (the
 * proxy copies the Authorization header), which verifies it again and checks the route's exact scope and the
 * caller's place. Health and metrics stay open.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurity {

    private static final String PROBLEMS = "https://changning.gov.cn/problems/";
    private static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/actuator/metrics", "/actuator/metrics/**", "/error"};

    /** The issuer every token must name, also when the decoder was given a key rather than the issuer URI. */
    @Bean
    public OAuth2TokenValidator<Jwt> issuerCheck(@Value("${governance.security.issuer:${spring.security.oauth2.resourceserver.jwt.issuer-uri:}}") String issuer) {
        return new JwtIssuerValidator(issuer);
    }

    @Bean
    public SecurityFilterChain gatewayFilterChain(HttpSecurity http, ObjectProvider<ObjectMapper> objectMapper) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        ObjectMapper json = objectMapper.getIfAvailable(ObjectMapper::new);
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers(OPEN).permitAll()
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
                            write(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                                    "a valid bearer token is required: " + e.getMessage());
                        })
                        .accessDeniedHandler((request, response, e) -> write(response, json, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "the token's scopes do not reach this route")))
                .build();
    }

    private static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String type,
                              String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEMS + type));
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
