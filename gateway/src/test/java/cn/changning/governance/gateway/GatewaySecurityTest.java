package cn.changning.governance.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as the one secured entrance, in front of a real HTTP backend: a call without a valid token, or whose
 * scopes cannot reach the route's service, never reaches the backend; a valid one does, with its token as it came.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "governance.security.enabled=true"})
class GatewaySecurityTest {

    private static final String ISSUER = "http://issuer.test";
    private static final KeyPair KEY = key();
    private static final KeyPair OTHER_KEY = key();
    private static final BlockingQueue<String> RECEIVED_AUTHORIZATION = new LinkedBlockingQueue<>();
    private static final HttpServer BACKEND = backend();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Path publicKey = Files.createTempFile("gateway-test-issuer-", ".pub");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEY.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        publicKey.toFile().deleteOnExit();
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> "");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> publicKey.toUri().toString());
        registry.add("governance.security.issuer", () -> ISSUER);
        registry.add("governance.routes.case-service", () -> "http://127.0.0.1:" + BACKEND.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        BACKEND.stop(0);
    }

    @BeforeEach
    void clear() {
        RECEIVED_AUTHORIZATION.clear();
    }

    @Test
    void withoutATokenTheCallStopsAtTheGatewayWith401() throws Exception {
        HttpResponse<String> answer = get("/api/v1/cases", null);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(t -> assertThat(t).startsWith("Bearer"));
        assertThat(RECEIVED_AUTHORIZATION.poll(300, TimeUnit.MILLISECONDS)).as("the backend saw nothing").isNull();
    }

    @Test
    void anExpiredForeignOrOtherIssuersTokenIs401() throws Exception {
        Instant now = Instant.now();
        for (String token : new String[]{
                token(KEY, ISSUER, "cases:read", now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))),
                token(OTHER_KEY, ISSUER, "cases:read", now, now.plusSeconds(600)),
                token(KEY, "http://elsewhere.test", "cases:read", now, now.plusSeconds(600))}) {
            assertThat(get("/api/v1/cases", token).statusCode()).isEqualTo(401);
        }
        assertThat(RECEIVED_AUTHORIZATION.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aTokenWhoseScopesCannotReachTheServiceIs403() throws Exception {
        Instant now = Instant.now();
        assertThat(get("/api/v1/cases", token(KEY, ISSUER, "dispatch:agency reference:read", now, now.plusSeconds(600))).statusCode())
                .isEqualTo(403);
        assertThat(RECEIVED_AUTHORIZATION.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aValidTokenIsProxiedAndRelayedAsItCame() throws Exception {
        Instant now = Instant.now();
        String token = token(KEY, ISSUER, "cases:read", now, now.plusSeconds(600));
        HttpResponse<String> answer = get("/api/v1/cases", token);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(RECEIVED_AUTHORIZATION.poll(5, TimeUnit.SECONDS)).isEqualTo("Bearer " + token);
    }

    @Test
    void healthStaysOpen() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(KeyPair key, String issuer, String scope, Instant issuedAt, Instant expiresAt) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject("partner-hotline-12345").issuer(issuer).audience("governance-platform")
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt))
                .claim("scope", scope).claim("actor_kind", "PARTNER").build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
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

    private static HttpServer backend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                RECEIVED_AUTHORIZATION.add(authorization == null ? "(none)" : authorization);
                byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
