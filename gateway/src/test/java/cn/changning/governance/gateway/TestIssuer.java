package cn.changning.governance.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** Tokens for the gateway's tests: a key the gateway is told to trust, and another it does not know. */
final class TestIssuer {

    static final String ISSUER = "http://issuer.test";
    static final KeyPair KEY = key();
    static final KeyPair OTHER_KEY = key();
    private static final Path PUBLIC_KEY = publicKeyFile();

    private TestIssuer() {
    }

    /** The gateway trusts {@link #KEY} of {@link #ISSUER} (Boot takes a key only without an issuer URI). */
    static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> "");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> PUBLIC_KEY.toUri().toString());
        registry.add("governance.security.issuer", () -> ISSUER);
    }

    /** A valid partner token with the given scopes, for ten minutes. */
    static String token(String scope) {
        Instant now = Instant.now();
        return token(KEY, ISSUER, scope, now, now.plusSeconds(600));
    }

    static String token(KeyPair key, String issuer, String scope, Instant issuedAt, Instant expiresAt) {
        return token(key, issuer, scope, issuedAt, expiresAt, "partner-hotline-12345", "PARTNER");
    }

    /** A valid token of the given client (client_id and sub) and kind (actor_kind), for ten minutes. */
    static String tokenOf(String clientId, String actorKind, String scope) {
        Instant now = Instant.now();
        return token(KEY, ISSUER, scope, now, now.plusSeconds(600), clientId, actorKind);
    }

    private static String token(KeyPair key, String issuer, String scope, Instant issuedAt, Instant expiresAt,
                                String clientId, String actorKind) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                    .subject(clientId).issuer(issuer).audience("governance-platform")
                    .issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt))
                    .claim("client_id", clientId)
                    .claim("scope", scope).claim("actor_kind", actorKind).build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair key() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path publicKeyFile() {
        try {
            Path file = Files.createTempFile("gateway-test-issuer-", ".pub");
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEY.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
