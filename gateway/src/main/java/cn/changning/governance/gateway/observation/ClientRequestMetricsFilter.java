package cn.changning.governance.gateway.observation;

import cn.changning.governance.contracts.identity.Claims;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * {@code gateway_client_requests_seconds{client,route,status}}: what each caller asks of the platform and gets, for
 * operators to see which partner or centre is failing or slow. {@code client} is the token's client id (the platform's
 * registered callers: a bounded set), {@code anonymous} without a token; {@code route} the route id; {@code status} the
 * answer's code. No histogram buckets (count, sum and max only), so the series stay clients x routes x statuses seen.
 * Runs in the security chain just after the token is read, before the rate limit, so 429s are counted too.
 */
public class ClientRequestMetricsFilter extends OncePerRequestFilter {

    public static final String METER = "gateway.client.requests";
    public static final String ANONYMOUS = "anonymous";

    private final MeterRegistry registry;

    public ClientRequestMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = client();
        Timer.Sample sample = Timer.start(registry);
        try {
            chain.doFilter(request, response);
        } finally {
            sample.stop(Timer.builder(METER)
                    .description("Requests through the gateway by the calling client, route and status")
                    .tags("client", client, "route", GatewayRoutes.of(request), "status", Integer.toString(response.getStatus()))
                    .register(registry));
        }
    }

    private static String client() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String client = jwt.getClaimAsString(Claims.CLIENT_ID);
            return client != null ? client : jwt.getSubject();
        }
        return ANONYMOUS;
    }
}
