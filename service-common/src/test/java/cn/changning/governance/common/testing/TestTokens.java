package cn.changning.governance.common.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Tokens for tests that start a service without the authorisation server: signed RS256 JWTs with the claims the
 * platform's authorisation server issues, verified by the service against this class's public key (a real
 * verification: signature, expiry, issuer, audience). {@link #properties()} points a service at the key.
 */
public final class TestTokens {

    public static final String ISSUER = "http://issuer.test";
    public static final String AUDIENCE = "governance-platform";

    private static final KeyPair KEY = newKey();
    private static final KeyPair OTHER_KEY = newKey();
    private static final Path PUBLIC_KEY_FILE = writePublicKey(KEY);

    private TestTokens() {
    }

    /** The resource-server settings that make a service trust these tokens. */
    public static Map<String, String> properties() {
        // Boot takes the key only without an issuer URI (which it would ask for its keys); the issuer is checked by
        // governance.security.issuer instead.
        return Map.of(
                "governance.security.issuer", ISSUER,
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", "",
                "spring.security.oauth2.resourceserver.jwt.public-key-location", PUBLIC_KEY_FILE.toUri().toString(),
                "spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
    }

    /** A valid token for a client with the given claims ({@code actor_kind}, {@code street}, ...) and scopes. */
    public static String issue(String clientId, Map<String, String> claims, String... scopes) {
        Instant now = Instant.now();
        return sign(KEY, clientId, claims, ISSUER, now.minusSeconds(5), now.plus(Duration.ofMinutes(30)), scopes);
    }

    /** As {@link #issue}, but expired an hour ago. */
    public static String expired(String clientId, Map<String, String> claims, String... scopes) {
        Instant now = Instant.now();
        return sign(KEY, clientId, claims, ISSUER, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), scopes);
    }

    /** As {@link #issue}, but signed by a key the service does not know. */
    public static String signedByAnotherKey(String clientId, Map<String, String> claims, String... scopes) {
        Instant now = Instant.now();
        return sign(OTHER_KEY, clientId, claims, ISSUER, now.minusSeconds(5), now.plus(Duration.ofMinutes(30)), scopes);
    }

    /** As {@link #issue}, but from another issuer. */
    public static String fromAnotherIssuer(String clientId, Map<String, String> claims, String... scopes) {
        Instant now = Instant.now();
        return sign(KEY, clientId, claims, "http://elsewhere.test", now.minusSeconds(5), now.plus(Duration.ofMinutes(30)), scopes);
    }

    private static String sign(KeyPair key, String clientId, Map<String, String> claims, String issuer,
                               Instant issuedAt, Instant expiresAt, String... scopes) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .subject(clientId)
                .issuer(issuer)
                .audience(AUDIENCE)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .claim("scope", String.join(" ", scopes));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey(KeyPair key) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Path file = Files.createTempFile("governance-test-issuer-", ".pub");
            Files.writeString(file, pem);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
