package cn.changning.governance.identity.clients;

import cn.changning.governance.contracts.identity.Claims;
import cn.changning.governance.contracts.identity.ActorKind;
import cn.changning.governance.contracts.identity.Scopes;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One caller of the platform, as the clients file states it: its OAuth2 client id, a name for people, its
 * {@link ActorKind}, the scopes it may ask for and its place claims. No secret: secrets are supplied apart (see
 * {@code ClientSecrets}). The constructor holds the contract: a file that breaks it fails at start.
 *
 * @param scopes in the order the token lists them
 * @param claims exactly the place claims of its kind ({@link ActorKind#placeClaims()}), in that order
 */
public record CallerClient(String clientId, String name, ActorKind actorKind, List<String> scopes,
                           Map<String, String> claims) {

    public CallerClient {
        if (clientId == null || !clientId.matches("[a-z0-9][a-z0-9-]*")) {
            // Lower-case letters, digits and hyphens: safe in a URL, a secrets file line and any OIDC provider.
            throw new IllegalArgumentException("client id must be lower-case letters, digits and hyphens: " + clientId);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("client " + clientId + " has no name");
        }
        if (actorKind == null) {
            throw new IllegalArgumentException("client " + clientId + " has no actor kind");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("client " + clientId + " has no scope");
        }
        Set<String> seen = new HashSet<>();
        for (String scope : scopes) {
            if (!Scopes.ALL.contains(scope)) {
                throw new IllegalArgumentException("client " + clientId + " names unknown scope " + scope + " (known: " + Scopes.ALL + ")");
            }
            if (!seen.add(scope)) {
                throw new IllegalArgumentException("client " + clientId + " names scope " + scope + " twice");
            }
        }
        Map<String, String> given = claims == null ? Map.of() : claims;
        if (!given.keySet().equals(Set.copyOf(actorKind.placeClaims()))) {
            throw new IllegalArgumentException("client " + clientId + " (" + actorKind + ") must carry exactly the claims "
                    + actorKind.placeClaims() + ", not " + given.keySet());
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String claim : actorKind.placeClaims()) {
            String value = given.get(claim);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("client " + clientId + ": claim " + claim + " must not be blank");
            }
            ordered.put(claim, value);
        }
        if (actorKind == ActorKind.PARTNER && !clientId.equals(ordered.get(Claims.PARTNER))) {
            throw new IllegalArgumentException("partner client " + clientId + " must name itself in claim " + Claims.PARTNER);
        }
        scopes = List.copyOf(scopes);
        claims = Collections.unmodifiableMap(ordered);
    }
}
