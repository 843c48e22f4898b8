package cn.changning.governance.http.tokens;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensAutoConfigurationTest {

    private static final JwtDecoder ACCEPT_ALL = token -> Jwt.withTokenValue(token).header("alg", "none")
            .subject("s").expiresAt(Instant.now().plusSeconds(300)).build();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(VerifiedTokensAutoConfiguration.class))
            .withBean(JwtDecoder.class, () -> ACCEPT_ALL)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void theApplicationsDecoderIsWrappedAndMetered() {
        runner.run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertThat(decoder).isInstanceOf(VerifiedTokenCache.class);
            assertThat(((VerifiedTokenCache) decoder).delegate()).isSameAs(ACCEPT_ALL);

            decoder.decode("t");
            decoder.decode("t");
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("cache.gets").tag("cache", VerifiedTokensAutoConfiguration.CACHE_NAME)
                    .tag("result", "hit").functionCounter().count()).isEqualTo(1.0);
        });
    }

    @Test
    void itCanBeTurnedOff() {
        runner.withPropertyValues("governance.security.verified-tokens.enabled=false")
                .run(context -> assertThat(context.getBean(JwtDecoder.class)).isSameAs(ACCEPT_ALL));
    }

    @Test
    void aSizeBelowOneStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("governance.security.verified-tokens.maximum-size=0")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("governance.security.verified-tokens.maximum-size must be at least 1"));
    }
}
