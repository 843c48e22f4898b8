package cn.changning.governance.identity.config;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiringAuthorizationServiceTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-01T08:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final RegisteredClient client = RegisteredClient.withId("c").clientId("c").clientSecret("{noop}s")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();

    @Test
    void anAuthorizationIsForgottenOnceItsAccessTokenHasExpired() {
        ExpiringAuthorizationService service = new ExpiringAuthorizationService(clock);
        OAuth2Authorization early = authorization("a1", "token-1", Duration.ofMinutes(30));
        OAuth2Authorization later = authorization("a2", "token-2", Duration.ofMinutes(60));
        service.save(early);
        service.save(later);
        assertThat(service.findByToken("token-1", OAuth2TokenType.ACCESS_TOKEN)).isEqualTo(early);

        now.set(now.get().plus(Duration.ofMinutes(31)));
        assertThat(service.findByToken("token-1", OAuth2TokenType.ACCESS_TOKEN)).isNull();
        assertThat(service.findById("a1")).isNull();
        assertThat(service.findById("a2")).isEqualTo(later);

        now.set(now.get().plus(Duration.ofMinutes(30)));
        assertThat(service.findById("a2")).isNull();
    }

    private OAuth2Authorization authorization(String id, String token, Duration lifetime) {
        Instant issued = now.get();
        return OAuth2Authorization.withRegisteredClient(client).id(id).principalName("c")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, issued, issued.plus(lifetime)))
                .build();
    }
}
