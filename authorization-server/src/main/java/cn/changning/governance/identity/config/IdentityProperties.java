package cn.changning.governance.identity.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The server's settings ({@code identity.*}; environment variables in {@code authorization-server.yml}).
 *
 * @param issuer                 the issuer URI, exactly as the resource servers are given it (no trailing slash);
 *                               unset: {@code http://127.0.0.1:<server.port>}, or, on a random port (0), the address
 *                               each request came to
 * @param keyDirectory           where the signing key is kept ({@value SigningKeys#FILE}); created on first start
 * @param clientsFile            the callers: {@code classpath:...} or a file path
 * @param clientSecretsFile      a file of {@code clientId: {bcrypt}hash} lines (blank: none)
 * @param developmentSecrets     every client without a secret from the file gets {@code dev-<clientId>}: local stack only
 * @param accessTokenTimeToLive  how long an access token is valid
 */
@ConfigurationProperties("identity")
public record IdentityProperties(
        String issuer,
        @DefaultValue("./data/identity") Path keyDirectory,
        @DefaultValue("classpath:identity/clients.v1.json") String clientsFile,
        String clientSecretsFile,
        boolean developmentSecrets,
        @DefaultValue("30m") Duration accessTokenTimeToLive) {

    public IdentityProperties {
        if (accessTokenTimeToLive.isNegative() || accessTokenTimeToLive.isZero()) {
            throw new IllegalArgumentException("identity.access-token-time-to-live must be positive: " + accessTokenTimeToLive);
        }
    }

    /** The issuer to state, or {@code null} to take it from each request (random port, no issuer set). */
    String resolvedIssuer(int serverPort) {
        if (issuer != null && !issuer.isBlank()) {
            String trimmed = issuer.strip();
            return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        }
        return serverPort > 0 ? "http://127.0.0.1:" + serverPort : null;
    }
}
