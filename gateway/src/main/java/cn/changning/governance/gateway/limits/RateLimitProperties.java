package cn.changning.governance.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code governance.gateway.rate-limit.*}: how many requests a client may make, per gateway instance (the buckets are
 * in this instance's memory; n instances let a client make n times as many). A client is its token's
 * {@code client_id} (else {@code sub}); before authentication, the remote address. Each limit is a bucket of
 * {@code capacity} requests refilled evenly over {@code period}.
 */
@ConfigurationProperties("governance.gateway.rate-limit")
public class RateLimitProperties {

    private boolean enabled = true;
    /** A client whose kind ({@code actor_kind}) has no limit of its own. */
    private Limit defaultLimit = new Limit(300, Duration.ofMinutes(1));
    /** Per remote address, for requests without a valid token (the token endpoint, the documents, refusals). */
    private Limit anonymous = new Limit(120, Duration.ofMinutes(1));
    /** By the token's actor_kind, e.g. {@code kinds.PARTNER}. */
    private Map<String, Limit> kinds = new HashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Limit getDefault() {
        return defaultLimit;
    }

    public void setDefault(Limit defaultLimit) {
        this.defaultLimit = defaultLimit;
    }

    public Limit getAnonymous() {
        return anonymous;
    }

    public void setAnonymous(Limit anonymous) {
        this.anonymous = anonymous;
    }

    public Map<String, Limit> getKinds() {
        return kinds;
    }

    public void setKinds(Map<String, Limit> kinds) {
        this.kinds = kinds;
    }

    /** The limit of a client of this kind (null: unknown kind). */
    public Limit forKind(String kind) {
        return kind == null ? defaultLimit : kinds.getOrDefault(kind, defaultLimit);
    }

    /** {@code capacity} requests, refilled evenly over {@code period}. */
    public record Limit(long capacity, Duration period) {
    }
}
