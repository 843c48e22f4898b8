package cn.changning.governance.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code governance.gateway.cors.*}: which browser origins may call the API. Off unless {@code allowed-origins} names
 * one: then no answer carries a CORS header (partners call server to server).
 */
@ConfigurationProperties("governance.gateway.cors")
public class CorsProperties {

    /** Exact origins, e.g. {@code https://hotline.example.cn}; empty: CORS off. */
    private List<String> allowedOrigins = new ArrayList<>();
    private List<String> allowedMethods = new ArrayList<>(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
    private List<String> allowedHeaders = new ArrayList<>(List.of("Authorization", "Content-Type", "Idempotency-Key",
            "If-Match", "X-Request-Id", "traceparent"));
    private List<String> exposedHeaders = new ArrayList<>(List.of("ETag", "Location", "Retry-After", "RateLimit-Limit",
            "RateLimit-Remaining", "RateLimit-Reset", "X-Request-Id"));
    private Duration maxAge = Duration.ofHours(1);

    public boolean enabled() {
        return !allowedOrigins.isEmpty();
    }

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public List<String> getAllowedMethods() {
        return allowedMethods;
    }

    public void setAllowedMethods(List<String> allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    public List<String> getAllowedHeaders() {
        return allowedHeaders;
    }

    public void setAllowedHeaders(List<String> allowedHeaders) {
        this.allowedHeaders = allowedHeaders;
    }

    public List<String> getExposedHeaders() {
        return exposedHeaders;
    }

    public void setExposedHeaders(List<String> exposedHeaders) {
        this.exposedHeaders = exposedHeaders;
    }

    public Duration getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }
}
