package cn.changning.governance.identity.config;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A client credentials request without a {@code scope} parameter is granted all the client's scopes (the default
 * RFC 6749 section 3.3 allows, and what Keycloak does with a client's default scopes); the library's own converter
 * would grant none, a token that no resource server accepts. A request that names scopes gets those, if the client
 * has them all ({@code invalid_scope} otherwise), as before.
 */
final class AllScopesWhenNoneRequested implements AuthenticationConverter {

    private final AuthenticationConverter delegate;

    AllScopesWhenNoneRequested(AuthenticationConverter delegate) {
        this.delegate = delegate;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted = delegate.convert(request);
        if (converted instanceof OAuth2ClientCredentialsAuthenticationToken token && token.getScopes().isEmpty()
                && token.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.getRegisteredClient() != null) {
            return new OAuth2ClientCredentialsAuthenticationToken(client, client.getRegisteredClient().getScopes(),
                    token.getAdditionalParameters());
        }
        return converted;
    }
}
