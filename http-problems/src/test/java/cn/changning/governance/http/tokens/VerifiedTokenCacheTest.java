package cn.changning.governance.http.tokens;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real RS256 tokens, verified by Spring Security's own Nimbus decoder behind the cache; the time is the test's. */
class VerifiedTokenCacheTest {

    private static RSAKey signingKey;
    private static RSAKey otherKey;

    /** One time source for the cache's ticker and for the clock that reads expiries, moved by the test. */
    private final AtomicLong elapsedNanos = new AtomicLong();
    private final Instant start = Instant.now();
    private final Ticker ticker = elapsedNanos::get;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plusNanos(elapsedNanos.get());
        }
    };

    private final AtomicInteger verifications = new AtomicInteger();
    private JwtDecoder verifier;

    @BeforeAll
    static void keys() throws Exception {
        signingKey = new RSAKeyGenerator(2048).keyID("signing").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("signing").generate();
    }

    private VerifiedTokenCache cache(long maximumSize) throws Exception {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
        verifier = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        return new VerifiedTokenCache(verifier, maximumSize, ticker, clock);
    }

    private static String token(RSAKey key, String subject, Instant expiresAt) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(subject).issuedAt(Instant.now());
        if (expiresAt != null) {
            claims.expiresAt(expiresAt);
        }
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                .encode(JwtEncoderParameters.from(claims.build())).getTokenValue();
    }

    @Test
    void aTokenSeenAgainIsNotVerifiedAgain() throws Exception {
        VerifiedTokenCache cache = cache(100);
        String token = token(signingKey, "partner-hotline", start.plusSeconds(300));

        Jwt first = cache.decode(token);
        Jwt second = cache.decode(token);

        assertThat(verifications).hasValue(1);
        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("partner-hotline");
    }

    @Test
    void eachTokenIsVerifiedOnItsOwn() throws Exception {
        VerifiedTokenCache cache = cache(100);

        Jwt a = cache.decode(token(signingKey, "a", start.plusSeconds(300)));
        Jwt b = cache.decode(token(signingKey, "b", start.plusSeconds(300)));

        assertThat(verifications).hasValue(2);
        assertThat(a.getSubject()).isEqualTo("a");
        assertThat(b.getSubject()).isEqualTo("b");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverKept() throws Exception {
        VerifiedTokenCache cache = cache(100);
        String forged = token(otherKey, "intruder", start.plusSeconds(300));

        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
        assertThat(cache.cache().estimatedSize()).isZero();
    }

    @Test
    void aTokenIsForgottenWhenItExpires() throws Exception {
        VerifiedTokenCache cache = cache(100);
        String token = token(signingKey, "partner-hotline", start.plusSeconds(300));
        cache.decode(token);

        elapsedNanos.addAndGet(Duration.ofSeconds(299).toNanos());
        cache.decode(token);
        assertThat(verifications).as("still within its lifetime").hasValue(1);

        elapsedNanos.addAndGet(Duration.ofSeconds(2).toNanos());
        cache.decode(token); // the real clock still says it is valid: the verifier accepts it again
        assertThat(verifications).as("past its expiry: checked again").hasValue(2);
    }

    @Test
    void aTokenWithoutExpiryIsVerifiedEveryTime() throws Exception {
        VerifiedTokenCache cache = cache(100);
        String token = token(signingKey, "forever", null);

        cache.decode(token);
        cache.decode(token);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void theCacheHoldsAtMostItsSize() throws Exception {
        VerifiedTokenCache cache = cache(3);
        for (int i = 0; i < 20; i++) {
            cache.decode(token(signingKey, "client-" + i, start.plusSeconds(300)));
        }
        cache.cache().cleanUp();

        assertThat(cache.cache().estimatedSize()).isLessThanOrEqualTo(3);
    }

    @Test
    void aSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> cache(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximumSize");
    }

    @Test
    void theDelegatesErrorsPassThrough() throws Exception {
        VerifiedTokenCache cache = cache(100);

        assertThatThrownBy(() -> cache.decode("not-a-jwt")).isInstanceOf(JwtException.class);
    }
}
