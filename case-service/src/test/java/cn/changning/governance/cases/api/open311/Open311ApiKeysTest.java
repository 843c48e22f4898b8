package cn.changning.governance.cases.api.open311;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Open311ApiKeysTest {

    private static String sha256Hex(String key) {
        return HexFormat.of().formatHex(Open311ApiKeys.sha256(key));
    }

    @Test
    void aConfiguredHashStandsForItsClientAndNothingElseDoes() {
        Open311ApiKeys keys = new Open311ApiKeys(new Open311Properties("", false, null, List.of(
                new Open311Properties.ApiKey("partner-hotline-12345", sha256Hex("s3cret-hotline").toUpperCase()),
                new Open311Properties.ApiKey("partner-city-platform", sha256Hex("s3cret-city")))));

        assertThat(keys.clientOf("s3cret-hotline")).contains("partner-hotline-12345");
        assertThat(keys.clientOf("s3cret-city")).contains("partner-city-platform");
        assertThat(keys.clientOf("s3cret-hotline ")).isEmpty();
        assertThat(keys.clientOf("")).isEmpty();
        assertThat(keys.clientOf(null)).isEmpty();
        assertThat(keys.clientOf(Open311ApiKeys.developmentKey("partner-hotline-12345"))).as("development keys are off").isEmpty();
    }

    @Test
    void developmentKeysAreDerivedOnlyWhenOnAndOnlyForListedClientsWithoutAHash() {
        Open311ApiKeys keys = new Open311ApiKeys(new Open311Properties("", true, null, List.of(
                new Open311Properties.ApiKey("partner-hotline-12345", null),
                new Open311Properties.ApiKey("partner-city-platform", sha256Hex("s3cret-city")))));

        assertThat(keys.clientOf("dev-open311-partner-hotline-12345")).contains("partner-hotline-12345");
        assertThat(keys.clientOf("dev-open311-partner-city-platform")).as("its hash is configured").isEmpty();
        assertThat(keys.clientOf("dev-open311-street-310105001")).as("not listed").isEmpty();
    }

    @Test
    void aClientWithoutAHashOrWithABadOneStopsTheServiceWithoutShowingAKey() {
        assertThatThrownBy(() -> new Open311ApiKeys(new Open311Properties("", false, null,
                List.of(new Open311Properties.ApiKey("partner-hotline-12345", null)))))
                .hasMessageContaining("partner-hotline-12345").hasMessageContaining("development-keys");
        assertThatThrownBy(() -> new Open311ApiKeys(new Open311Properties("", false, null,
                List.of(new Open311Properties.ApiKey("partner-hotline-12345", "abcd")))))
                .hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> new Open311ApiKeys(new Open311Properties("", false, null,
                List.of(new Open311Properties.ApiKey("partner-hotline-12345", "plain-text-key")))))
                .hasMessageContaining("not hex").hasMessageNotContaining("plain-text-key");
    }

    @Test
    void anotherJurisdictionIsNotFoundAndNoneConfiguredAcceptsAny() {
        Open311Properties one = new Open311Properties("changning.shanghai.cn", false, null, List.of());
        one.checkJurisdiction("changning.shanghai.cn");
        one.checkJurisdiction(null);
        assertThatThrownBy(() -> one.checkJurisdiction("xuhui.shanghai.cn"))
                .isInstanceOfSatisfying(Open311Exception.class, e -> assertThat(e.status().value()).isEqualTo(404));
        new Open311Properties(null, false, null, null).checkJurisdiction("anything");
    }
}
