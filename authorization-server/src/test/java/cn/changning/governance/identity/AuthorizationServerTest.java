package cn.changning.governance.identity;

import cn.changning.governance.identity.support.TestServer;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.AgencyType;
import cn.changning.governance.reference.geography.Geography;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server over HTTP, on the local stack's classpath, tokens verified as a resource server will verify them:
 * signature against the published JWKS, issuer, audience.
 */
class AuthorizationServerTest {

    static TestServer server;
    static JwtDecoder verifier;
    static final AgencyDirectory DIRECTORY = AgencyDirectory.load(Geography.load());

    @BeforeAll
    static void start() {
        server = TestServer.shared();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(server.baseUrl() + "/oauth2/jwks").build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<Collection<String>>("aud", aud -> aud != null && aud.contains("governance-platform"));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(server.baseUrl()), audience));
        verifier = decoder;
    }

    @Test
    void aStreetCentreGetsAVerifiableTokenWithItsStreetAndTheScopesItAskedFor() {
        TestServer.Answer answer = server.token("street-310105001", "dev-street-310105001", "cases:read cases:handle");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("scope").asText().split(" ")).containsExactlyInAnyOrder("cases:read", "cases:handle");
        assertThat(body.get("expires_in").asLong()).isBetween(1790L, 1800L); // 30 minutes by default

        Jwt jwt = verifier.decode(answer.accessToken());
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(jwt.getSubject()).isEqualTo("street-310105001");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(server.baseUrl());
        assertThat(jwt.getAudience()).containsExactly("governance-platform");
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("cases:read cases:handle");
        assertThat(jwt.getClaimAsString("client_id")).isEqualTo("street-310105001");
        assertThat(jwt.getClaimAsString("actor_kind")).isEqualTo("STREET_CENTRE");
        assertThat(jwt.getClaimAsString("street")).isEqualTo("310105001");
        assertThat(jwt.getClaims()).doesNotContainKeys("agency", "department", "partner");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void withoutAScopeParameterAClientGetsAllItsScopesInTheContractsOrder() {
        Jwt jwt = verifier.decode(server.token("street-310105009", "dev-street-310105009", null).accessToken());
        assertThat(jwt.getClaimAsString("scope"))
                .isEqualTo("cases:read cases:handle cases:personal-data dispatch:read dispatch:street dispatch:agency assessment:read assessment:street reference:read");
    }

    @Test
    void anAgencyTokenNamesTheAgencyItsStreetAndItsParentDepartment() {
        Agency agency = DIRECTORY.inStreet("310105009", AgencyType.POLICE_STATION).orElseThrow();
        String clientId = "agency-" + agency.id();
        // This time the client authenticates with form parameters (client_secret_post).
        TestServer.Answer answer = server.post("/oauth2/token", null, Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", "dev-" + clientId, "scope", "dispatch:read dispatch:agency"));
        Jwt jwt = verifier.decode(answer.accessToken());
        assertThat(jwt.getSubject()).isEqualTo(clientId);
        assertThat(jwt.getClaimAsString("actor_kind")).isEqualTo("AGENCY");
        assertThat(jwt.getClaimAsString("agency")).isEqualTo(agency.id()).isEqualTo("310105009-police");
        assertThat(jwt.getClaimAsString("street")).isEqualTo(agency.streetCode());
        assertThat(jwt.getClaimAsString("department")).isEqualTo(agency.parentDepartment());
        assertThat(jwt.getClaims()).doesNotContainKey("partner");
    }

    @Test
    void partnersDepartmentsTheDistrictCentreAndTheRegistryCarryTheirOwnClaims() {
        Jwt partner = verifier.decode(server.token("partner-hotline-12345", "dev-partner-hotline-12345", "cases:report").accessToken());
        assertThat(partner.getClaimAsString("actor_kind")).isEqualTo("PARTNER");
        assertThat(partner.getClaimAsString("partner")).isEqualTo("partner-hotline-12345");
        assertThat(partner.getClaims()).doesNotContainKeys("street", "agency", "department");

        String departmentCode = DIRECTORY.departments().get(0).code();
        String departmentClient = "department-" + departmentCode.toLowerCase().replace('_', '-');
        Jwt department = verifier.decode(server.token(departmentClient, "dev-" + departmentClient, null).accessToken());
        assertThat(department.getClaimAsString("actor_kind")).isEqualTo("DEPARTMENT");
        assertThat(department.getClaimAsString("department")).isEqualTo(departmentCode);
        assertThat(department.getClaimAsString("scope")).isEqualTo("dispatch:read assessment:read assessment:department reference:read");

        Jwt district = verifier.decode(server.token("district-centre", "dev-district-centre", null).accessToken());
        assertThat(district.getClaimAsString("actor_kind")).isEqualTo("DISTRICT_CENTRE");
        assertThat(district.getClaims()).doesNotContainKeys("street", "agency", "department", "partner");

        Jwt officer = verifier.decode(server.token("registry-officer", "dev-registry-officer", "registry:personal-data").accessToken());
        assertThat(officer.getClaimAsString("actor_kind")).isEqualTo("REGISTRY");
        assertThat(officer.getClaimAsString("scope")).isEqualTo("registry:personal-data");
    }

    @Test
    void aWrongSecretOrAnUnknownClientIs401InvalidClient() {
        TestServer.Answer wrongSecret = server.token("street-310105001", "dev-street-310105002", "cases:read");
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().get("error").asText()).isEqualTo("invalid_client");

        TestServer.Answer unknown = server.token("street-999999999", "dev-street-999999999", "cases:read");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("error").asText()).isEqualTo("invalid_client");

        TestServer.Answer noCredentials = server.post("/oauth2/token", null, Map.of("grant_type", "client_credentials"));
        assertThat(noCredentials.status()).isEqualTo(401);
    }

    @Test
    void aScopeTheClientDoesNotHaveIs400InvalidScope() {
        // A real scope, but not a street centre's.
        TestServer.Answer notItsOwn = server.token("street-310105001", "dev-street-310105001", "cases:read registry:personal-data");
        assertThat(notItsOwn.status()).isEqualTo(400);
        assertThat(notItsOwn.contentType()).startsWith("application/json");
        assertThat(notItsOwn.json().get("error").asText()).isEqualTo("invalid_scope");
        // The registry staff may not see personal data; the officer may (above).
        TestServer.Answer staff = server.token("registry-staff", "dev-registry-staff", "registry:personal-data");
        assertThat(staff.status()).isEqualTo(400);
        assertThat(staff.json().get("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void onlyTheClientCredentialsGrantIsServed() {
        TestServer.Answer password = server.post("/oauth2/token", TestServer.basic("district-centre", "dev-district-centre"),
                Map.of("grant_type", "password", "username", "u", "password", "p"));
        assertThat(password.status()).isEqualTo(400);
        assertThat(password.json().get("error").asText()).isEqualTo("unsupported_grant_type");
        TestServer.Answer refresh = server.post("/oauth2/token", TestServer.basic("district-centre", "dev-district-centre"),
                Map.of("grant_type", "refresh_token", "refresh_token", "x"));
        assertThat(refresh.status()).isEqualTo(400);
        assertThat(refresh.json().get("error").asText()).isIn("unauthorized_client", "invalid_grant");
        TestServer.Answer noGrant = server.post("/oauth2/token", TestServer.basic("district-centre", "dev-district-centre"), Map.of());
        assertThat(noGrant.status()).isEqualTo(400);
        assertThat(noGrant.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void theMetadataLetsAResourceServerFindTheKeysFromTheIssuerAlone() {
        JsonNode metadata = server.get("/.well-known/oauth-authorization-server").json();
        assertThat(metadata.get("issuer").asText()).isEqualTo(server.baseUrl());
        assertThat(metadata.get("jwks_uri").asText()).isEqualTo(server.baseUrl() + "/oauth2/jwks");
        assertThat(metadata.get("token_endpoint").asText()).isEqualTo(server.baseUrl() + "/oauth2/token");
        assertThat(metadata.get("grant_types_supported")).extracting(JsonNode::asText).containsExactly("client_credentials");
        assertThat(metadata.get("token_endpoint_auth_methods_supported")).extracting(JsonNode::asText)
                .containsExactly("client_secret_basic", "client_secret_post");

        // What Spring's resource server does with spring.security.oauth2.resourceserver.jwt.issuer-uri.
        JwtDecoder fromIssuer = JwtDecoders.fromIssuerLocation(server.baseUrl());
        Jwt jwt = fromIssuer.decode(server.token("district-centre", "dev-district-centre", "cases:read").accessToken());
        assertThat(jwt.getSubject()).isEqualTo("district-centre");

        JsonNode jwks = server.get("/oauth2/jwks").json();
        assertThat(jwks.get("keys")).hasSize(1);
        JsonNode key = jwks.get("keys").get(0);
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.has("d")).as("the private exponent is never published").isFalse();
        assertThat(key.has("p")).isFalse();
    }

    @Test
    void aTamperedTokenDoesNotVerify() {
        String token = server.token("street-310105001", "dev-street-310105001", "cases:read").accessToken();
        String[] parts = token.split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("310105001", "310105002").getBytes());
        assertThatThrownBy(() -> verifier.decode(parts[0] + "." + otherPayload + "." + parts[2])).isInstanceOf(JwtException.class);
    }

    @Test
    void introspectionKnowsTheTokensThisServerIssued() {
        String token = server.token("street-310105001", "dev-street-310105001", "cases:read").accessToken();
        JsonNode active = server.post("/oauth2/introspect", TestServer.basic("district-centre", "dev-district-centre"),
                Map.of("token", token)).json();
        assertThat(active.get("active").asBoolean()).isTrue();
        assertThat(active.get("sub").asText()).isEqualTo("street-310105001");
        assertThat(active.get("street").asText()).isEqualTo("310105001");
        JsonNode unknown = server.post("/oauth2/introspect", TestServer.basic("district-centre", "dev-district-centre"),
                Map.of("token", "not-a-token")).json();
        assertThat(unknown.get("active").asBoolean()).isFalse();
    }

    @Test
    void healthAndMetricsArePublicAndNothingElseIs() {
        TestServer.Answer health = server.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(server.get("/actuator/health/readiness").status()).isEqualTo(200);

        server.token("street-310105002", "dev-street-310105002", "cases:read").accessToken();
        TestServer.Answer metrics = server.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("governance_identity_tokens_issued_total{actor_kind=\"STREET_CENTRE\",client_id=\"street-310105002\"");

        for (String path : List.of("/actuator/env", "/actuator/beans", "/v3/api-docs", "/swagger-ui.html", "/", "/login")) {
            assertThat(server.get(path).status()).as(path).isIn(403, 404);
        }
    }
}
