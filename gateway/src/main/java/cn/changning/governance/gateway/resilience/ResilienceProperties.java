package cn.changning.governance.gateway.resilience;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code governance.gateway.resilience.*}: how long the gateway waits for a service (per route id, or the default),
 * and when it stops calling a failing one for a while (the circuit opens). Either way the caller gets 503 with
 * {@code Retry-After}.
 */
@ConfigurationProperties("governance.gateway.resilience")
public class ResilienceProperties {

    /** How long a route's answer may take (from the call to the whole answer), unless the route has its own. */
    private Duration timeout = Duration.ofSeconds(10);
    /** By route id, e.g. {@code timeouts.case-service: 5s}. */
    private Map<String, Duration> timeouts = new HashMap<>();
    /** The share of failed calls (timeouts, refused connections) among the last {@code window} that opens the circuit. */
    private float failureRateThreshold = 50;
    private int window = 20;
    /** Calls in the window before the rate counts. */
    private int minimumCalls = 10;
    /** How long an open circuit refuses calls before letting a few through to try; also the 503's Retry-After. */
    private Duration openFor = Duration.ofSeconds(10);

    public Duration timeoutOf(String routeId) {
        return timeouts.getOrDefault(routeId, timeout);
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Map<String, Duration> getTimeouts() {
        return timeouts;
    }

    public void setTimeouts(Map<String, Duration> timeouts) {
        this.timeouts = timeouts;
    }

    public float getFailureRateThreshold() {
        return failureRateThreshold;
    }

    public void setFailureRateThreshold(float failureRateThreshold) {
        this.failureRateThreshold = failureRateThreshold;
    }

    public int getWindow() {
        return window;
    }

    public void setWindow(int window) {
        this.window = window;
    }

    public int getMinimumCalls() {
        return minimumCalls;
    }

    public void setMinimumCalls(int minimumCalls) {
        this.minimumCalls = minimumCalls;
    }

    public Duration getOpenFor() {
        return openFor;
    }

    public void setOpenFor(Duration openFor) {
        this.openFor = openFor;
    }
}
