package cn.changning.governance.common.security;

import cn.changning.governance.contracts.identity.Claims;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.common.testing.TestTokens;
import cn.changning.governance.common.testing.archfixture.routes.FixtureRoutes;
import cn.changning.governance.common.web.ProblemDetailsAdvice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shared resource-server layer on its own, on a probe controller: a token is verified (signature, expiry,
 * issuer), its scopes are the route's rule, its claims the actor, and a body cannot name another actor.
 */
@WebMvcTest(controllers = {SecurityLayerTest.Probe.class, FixtureRoutes.class})
@Import({SecurityConfiguration.class, ProblemDetailsAdvice.class, SecurityLayerTest.Probe.class, FixtureRoutes.class})
class SecurityLayerTest {

    static final Map<String, String> SQUAD = Map.of(Claims.ACTOR_KIND, "AGENCY", Claims.STREET, "310105001",
            Claims.AGENCY, "310105001-squad", Claims.DEPARTMENT, "DISTRICT_CITY_MANAGEMENT_BUREAU");
    static final Map<String, String> STREET = Map.of(Claims.ACTOR_KIND, "STREET_CENTRE", Claims.STREET, "310105001");

    @SpringBootConfiguration
    static class App {
    }

    @RestController
    static class Probe {
        record Act(String agencyId) {
        }

        @GetMapping("/api/v1/probe")
        @RequiresScope(Scopes.DISPATCH_READ)
        Actor read(Actor actor) {
            return actor;
        }

        @PostMapping("/api/v1/probe/accept")
        @RequiresScope(Scopes.DISPATCH_AGENCY)
        Map<String, String> accept(Actor actor, @RequestBody Act body) {
            return Map.of("recordedAgency", actor.asAgency("agencyId", body.agencyId()));
        }
    }

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Autowired
    MockMvc mvc;

    @Test
    void withoutATokenTheAnswerIs401AsAProblemWithTheBearerChallenge() throws Exception {
        mvc.perform(get("/api/v1/probe"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemDetailsAdvice.TYPE_BASE + "unauthenticated"));
    }

    @Test
    void anExpiredForeignOrUnsignedByUsTokenIs401() throws Exception {
        for (String token : new String[]{
                TestTokens.expired("agency-310105001-squad", SQUAD, Scopes.DISPATCH_READ),
                TestTokens.signedByAnotherKey("agency-310105001-squad", SQUAD, Scopes.DISPATCH_READ),
                TestTokens.fromAnotherIssuer("agency-310105001-squad", SQUAD, Scopes.DISPATCH_READ),
                "not-a-jwt"}) {
            call(get("/api/v1/probe"), token).andExpect(status().isUnauthorized());
        }
    }

    @Test
    void aTokenThatNamesNoCallerOfThePlatformIs401() throws Exception {
        call(get("/api/v1/probe"), TestTokens.issue("someone", Map.of(), Scopes.DISPATCH_READ))
                .andExpect(status().isUnauthorized());
        call(get("/api/v1/probe"), TestTokens.issue("someone", Map.of(Claims.ACTOR_KIND, "ROBOT"), Scopes.DISPATCH_READ))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenWithoutTheRoutesScopeIs403() throws Exception {
        call(get("/api/v1/probe"), TestTokens.issue("agency-310105001-squad", SQUAD, Scopes.DISPATCH_AGENCY))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(ProblemDetailsAdvice.TYPE_BASE + "forbidden"));
    }

    @Test
    void theRightTokenIsServedAndItsClaimsAreTheActor() throws Exception {
        call(get("/api/v1/probe"), TestTokens.issue("agency-310105001-squad", SQUAD, Scopes.DISPATCH_READ))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clientId").value("agency-310105001-squad"))
                .andExpect(jsonPath("$.kind").value("AGENCY"))
                .andExpect(jsonPath("$.agency").value("310105001-squad"))
                .andExpect(jsonPath("$.street").value("310105001"));
    }

    @Test
    void anAgencyActsAsItselfWhateverTheBodySays() throws Exception {
        String squad = TestTokens.issue("agency-310105001-squad", SQUAD, Scopes.DISPATCH_AGENCY);
        call(post("/api/v1/probe/accept").contentType(MediaType.APPLICATION_JSON).content("{}"), squad)
                .andExpect(status().isOk()).andExpect(jsonPath("$.recordedAgency").value("310105001-squad"));
        call(post("/api/v1/probe/accept").contentType(MediaType.APPLICATION_JSON).content("{\"agencyId\":\"310105001-squad\"}"), squad)
                .andExpect(status().isOk()).andExpect(jsonPath("$.recordedAgency").value("310105001-squad"));
        call(post("/api/v1/probe/accept").contentType(MediaType.APPLICATION_JSON).content("{\"agencyId\":\"310105001-police\"}"), squad)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(ProblemDetailsAdvice.TYPE_BASE + "actor-mismatch"))
                .andExpect(jsonPath("$.errors[0].field").value("agencyId"));
        // a street centre holding the scope is still not an agency
        call(post("/api/v1/probe/accept").contentType(MediaType.APPLICATION_JSON).content("{\"agencyId\":\"310105001-squad\"}"),
                TestTokens.issue("street-310105001", STREET, Scopes.DISPATCH_AGENCY))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRouteWithoutAScopeRuleIsRefusedEvenWithAValidToken() throws Exception {
        // FixtureRoutes (an ArchUnit fixture, so the whole-platform route rule leaves it out) has one route without
        call(post("/api/v1/unruled"), TestTokens.issue("agency-310105001-squad", SQUAD, Scopes.DISPATCH_READ))
                .andExpect(status().isForbidden());
        call(get("/api/v1/ruled"), TestTokens.issue("agency-310105001-squad", SQUAD, Scopes.CASES_READ))
                .andExpect(status().isOk());
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token));
    }
}
