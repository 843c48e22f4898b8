package cn.changning.governance.gateway.limits;

import cn.changning.governance.contracts.identity.Claims;
import cn.changning.governance.http.Problems;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
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
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Per-client rate limits with Bucket4j's local buckets, in this gateway instance's memory (see
 * {@link RateLimitProperties}). Runs in the security chain just after the bearer token is read, so a request is
 * counted to its client, or to its remote address when it has no token; a request with an invalid token is refused
 * (401) before this. Answers every counted request with {@code RateLimit-Limit/-Remaining/-Reset}, and a spent
 * bucket with 429 problem+json and {@code Retry-After} (whole seconds until the next request is allowed).
 *
 * <p>Spring Cloud Gateway's own Bucket4jFilterFunctions answers a spent bucket with an empty 429 and no Retry-After,
 * hence this filter. A bucket left alone for its period is full again, so it is forgotten then (bounded memory).</p>
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets;

    public RateLimitFilter(RateLimitProperties properties) {
        this.properties = properties;
        Duration longest = properties.getKinds().values().stream().map(RateLimitProperties.Limit::period)
                .reduce(properties.getDefault().period(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        if (properties.getAnonymous().period().compareTo(longest) > 0) {
            longest = properties.getAnonymous().period();
        }
        this.buckets = Caffeine.newBuilder().expireAfterAccess(longest).maximumSize(1_000_000).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // management requests (on the management port only) are Prometheus's and the orchestrator's
        return !properties.isEnabled() || request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = caller(request);
        RateLimitProperties.Limit limit = caller.limit();
        Bucket bucket = buckets.get(caller.key(), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        response.setHeader("RateLimit-Limit", String.valueOf(limit.capacity()));
        response.setHeader("RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            response.setHeader("RateLimit-Reset", String.valueOf(seconds(probe.getNanosToWaitForReset())));
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = seconds(probe.getNanosToWaitForRefill());
        response.setHeader("RateLimit-Reset", String.valueOf(retryAfter));
        response.setHeader("Retry-After", String.valueOf(retryAfter));
        Problems.write(response, 429, "too-many-requests", "Too many requests",
                caller.who() + " may make " + limit.capacity() + " requests per " + readable(limit.period())
                        + " at this gateway instance; retry after " + retryAfter + " s");
    }

    private Caller caller(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String client = jwt.getClaimAsString(Claims.CLIENT_ID);
            if (client == null) {
                client = jwt.getSubject();
            }
            return new Caller("client:" + client, "This client", properties.forKind(jwt.getClaimAsString(Claims.ACTOR_KIND)));
        }
        return new Caller("address:" + request.getRemoteAddr(), "A caller without a token", properties.getAnonymous());
    }

    /** Whole seconds, rounded up, at least 1 (a Retry-After of 0 invites a busy loop). */
    static long seconds(long nanos) {
        return Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    private static String readable(Duration period) {
        if (period.toSeconds() % 3600 == 0) {
            return period.toHours() == 1 ? "hour" : period.toHours() + " hours";
        }
        if (period.toSeconds() % 60 == 0) {
            return period.toMinutes() == 1 ? "minute" : period.toMinutes() + " minutes";
        }
        return period.toSeconds() == 1 ? "second" : period.toSeconds() + " s";
    }

    private record Caller(String key, String who, RateLimitProperties.Limit limit) {
    }
}
