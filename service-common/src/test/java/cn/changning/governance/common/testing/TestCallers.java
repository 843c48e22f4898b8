package cn.changning.governance.common.testing;

import cn.changning.governance.contracts.identity.Claims;
import cn.changning.governance.common.security.Actor;
import cn.changning.governance.contracts.identity.Scopes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's callers as the authorisation server registers them (its {@code clients.v1.json}: client id, claims,
 * scopes), for tests that mint their tokens with {@link TestTokens}.
 */
public record TestCallers(String clientId, Map<String, String> claims, List<String> scopes) {

    public static TestCallers partner(String clientId) {
        return new TestCallers(clientId, claims("PARTNER", null, null, null),
                Scopes.PARTNER_SCOPES);
    }

    public static TestCallers street(String streetCode) {
        return new TestCallers("street-" + streetCode, claims("STREET_CENTRE", streetCode, null, null),
                Scopes.STREET_CENTRE_SCOPES);
    }

    public static TestCallers agency(String agencyId, String streetCode, String department) {
        return new TestCallers("agency-" + agencyId, claims("AGENCY", streetCode, agencyId, department),
                Scopes.AGENCY_SCOPES);
    }

    public static TestCallers district() {
        return new TestCallers("district-centre", claims("DISTRICT_CENTRE", null, null, null),
                Scopes.DISTRICT_CENTRE_SCOPES);
    }

    public static TestCallers department(String code) {
        return new TestCallers("department-" + code.toLowerCase().replace('_', '-'), claims("DEPARTMENT", null, null, code),
                Scopes.DEPARTMENT_SCOPES);
    }

    /** A valid token with all the caller's scopes. */
    public String token() {
        return TestTokens.issue(clientId, claims, scopes.toArray(String[]::new));
    }

    /** A valid token with the caller's scopes but one; with none left, a scope no route asks for. */
    public String tokenWithout(String scope) {
        String[] rest = scopes.stream().filter(s -> !s.equals(scope)).toArray(String[]::new);
        return TestTokens.issue(clientId, claims, rest.length == 0 ? new String[]{"none"} : rest);
    }

    public String expiredToken() {
        return TestTokens.expired(clientId, claims, scopes.toArray(String[]::new));
    }

    public String foreignToken() {
        return TestTokens.signedByAnotherKey(clientId, claims, scopes.toArray(String[]::new));
    }

    private static Map<String, String> claims(String kind, String street, String agency, String department) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put(Claims.ACTOR_KIND, kind);
        if (street != null) {
            claims.put(Claims.STREET, street);
        }
        if (agency != null) {
            claims.put(Claims.AGENCY, agency);
        }
        if (department != null) {
            claims.put(Claims.DEPARTMENT, department);
        }
        return claims;
    }
}
