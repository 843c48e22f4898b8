package cn.changning.governance.identity.config;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * The library's in-memory store of issued tokens, forgetting each one when its access token expires. The library's
 * own keeps every completed authorisation for ever: one per token request, so a long-running local stack would grow
 * without bound. Only introspection and revocation read this store (resource servers verify the JWTs themselves),
 * and they know the tokens this instance issued since it started.
 */
final class ExpiringAuthorizationService implements OAuth2AuthorizationService {

    private final InMemoryOAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();
    private final DelayQueue<Expiry> expiries = new DelayQueue<>();
    private final Clock clock;

    ExpiringAuthorizationService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        forgetExpired();
        delegate.save(authorization);
        OAuth2Authorization.Token<OAuth2AccessToken> accessToken = authorization.getAccessToken();
        if (accessToken != null && accessToken.getToken().getExpiresAt() != null) {
            expiries.add(new Expiry(authorization, accessToken.getToken().getExpiresAt(), clock));
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        forgetExpired();
        return delegate.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        forgetExpired();
        return delegate.findByToken(token, tokenType);
    }

    private void forgetExpired() {
        for (Expiry expired = expiries.poll(); expired != null; expired = expiries.poll()) {
            delegate.remove(expired.authorization());
        }
    }

    private record Expiry(OAuth2Authorization authorization, Instant at, Clock clock) implements Delayed {

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), at));
        }

        @Override
        public int compareTo(Delayed other) {
            return at.compareTo(((Expiry) other).at);
        }
    }
}
