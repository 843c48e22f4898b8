package cn.changning.governance.identity;

import cn.changning.governance.identity.config.SigningKeys;
import cn.changning.governance.identity.support.TestServer;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production's way first (secrets from a file, no development secrets, a configured issuer), then a restart on the
 * same key directory (with development secrets, as the local stack runs): tokens issued before still verify.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartAndSecretsFileTest {

    static final String ISSUER = "https://identity.example.test";
    static Path keys;
    static TestServer first;
    static String tokenBeforeRestart;
    static TestServer second;

    @BeforeAll
    static void startWithASecretsFile(CapturedOutput output) throws Exception {
        keys = Files.createTempDirectory("identity-keys");
        Path secrets = Files.createTempFile("client-secrets", ".txt");
        Files.writeString(secrets, """
                # Production secrets: bcrypt hashes only.
                street-310105001: %s

                registry-officer: %s
                an-old-client: %s
                """.formatted("{bcrypt}" + new BCryptPasswordEncoder(4).encode("street-secret"),
                "{bcrypt}" + new BCryptPasswordEncoder(4).encode("officer-secret"),
                "{bcrypt}" + new BCryptPasswordEncoder(4).encode("x")));
        first = TestServer.start(keys, Map.of("identity.development-secrets", false,
                "identity.client-secrets-file", secrets, "identity.issuer", ISSUER + "/"));
        assertThat(output.getOut())
                .contains("Registered 2 of 81 clients of classpath:identity/clients.v1.json (2 with a secret from the secrets file, 0 with a development secret)")
                .contains("79 client(s) have no secret and are NOT registered")
                .contains("names 1 client(s) the clients file does not list; ignored: [an-old-client]")
                .doesNotContain("Development secrets are ON")
                .doesNotContain("street-secret", "officer-secret");
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    @Order(1)
    void clientsWithASecretFromTheFileGetTokensAndOnlyThey() {
        assertThat(first.token("street-310105001", "street-secret", "cases:read").status()).isEqualTo(200);
        assertThat(first.token("registry-officer", "officer-secret", "registry:personal-data").status()).isEqualTo(200);
        // No development secrets here, and a client without a secret is not registered.
        assertThat(first.token("street-310105001", "dev-street-310105001", "cases:read").status()).isEqualTo(401);
        TestServer.Answer noSecret = first.token("street-310105002", "dev-street-310105002", "cases:read");
        assertThat(noSecret.status()).isEqualTo(401);
        assertThat(noSecret.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    @Order(2)
    void theConfiguredIssuerIsStatedInTheMetadataAndTheTokens() {
        assertThat(first.get("/.well-known/oauth-authorization-server").json().get("issuer").asText()).isEqualTo(ISSUER);
        tokenBeforeRestart = first.token("street-310105001", "street-secret", "cases:read cases:handle").accessToken();
        Jwt jwt = NimbusJwtDecoder.withJwkSetUri(first.baseUrl() + "/oauth2/jwks").build().decode(tokenBeforeRestart);
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(ISSUER);
    }

    @Test
    @Order(3)
    void theSigningKeyIsKeptOwnerOnlyInTheKeyDirectory() throws Exception {
        Path file = keys.resolve(SigningKeys.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.get("/oauth2/jwks").json().get("keys").get(0).get("kid").asText())
                .isEqualTo(RSAKey.parse(Files.readString(file)).getKeyID());
    }

    @Test
    @Order(4)
    void aTokenIssuedBeforeARestartStillVerifiesAgainstTheNewJwks(CapturedOutput output) throws Exception {
        assertThat(tokenBeforeRestart).isNotNull();
        String kidBefore = first.get("/oauth2/jwks").json().get("keys").get(0).get("kid").asText();
        first.close();
        int before = output.getOut().length();

        second = TestServer.start(keys, Map.of("identity.development-secrets", true, "identity.issuer", ISSUER));
        String startLog = output.getOut().substring(before);
        assertThat(startLog).contains("Token signing key " + kidBefore + " read from");
        // One line says development secrets are on, and their pattern.
        assertThat(startLog.lines().filter(l -> l.contains("Development secrets are ON"))).singleElement()
                .asString().contains("dev-<clientId>");

        Jwt jwt = NimbusJwtDecoder.withJwkSetUri(second.baseUrl() + "/oauth2/jwks").build().decode(tokenBeforeRestart);
        assertThat(jwt.getSubject()).isEqualTo("street-310105001");
        assertThat(jwt.getClaimAsString("street")).isEqualTo("310105001");
        // The control: another key does not verify it.
        RSAKey other = new RSAKeyGenerator(2048).generate();
        assertThatThrownBy(() -> NimbusJwtDecoder.withPublicKey(other.toRSAPublicKey()).build().decode(tokenBeforeRestart))
                .isInstanceOf(JwtException.class);
        // The restarted server issues with development secrets now, with the same key.
        Jwt fresh = NimbusJwtDecoder.withJwkSetUri(second.baseUrl() + "/oauth2/jwks").build()
                .decode(second.token("street-310105002", "dev-street-310105002", "cases:read").accessToken());
        assertThat(fresh.getHeaders().get("kid")).isEqualTo(kidBefore);
    }
}
