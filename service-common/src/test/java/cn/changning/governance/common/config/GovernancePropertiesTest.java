package cn.changning.governance.common.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How governance.* binds as Spring binds it: a property left out keeps its default. */
class GovernancePropertiesTest {

    @Test
    void onePublisherPropertyAloneLeavesTheOthersAtTheirDefaults() {
        GovernanceProperties properties = bind(Map.of("governance.service-name", "case-service",
                "governance.publisher.fetch-delay", "250ms"));

        assertThat(properties.publisher().fetchDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(properties.publisher().enabled()).isTrue();
        assertThat(properties.publisher().batchSize()).isEqualTo(500);
        assertThat(properties.publisher().sendTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void noPublisherPropertyGivesTheDefaults() {
        GovernanceProperties properties = bind(Map.of("governance.service-name", "case-service"));

        assertThat(properties.publisher().fetchDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(properties.publisher().batchSize()).isEqualTo(500);
    }

    @Test
    void thePublisherCanBeTurnedOff() {
        GovernanceProperties properties = bind(Map.of("governance.service-name", "case-service",
                "governance.publisher.enabled", "false", "governance.publisher.batch-size", "50"));

        assertThat(properties.publisher().enabled()).isFalse();
        assertThat(properties.publisher().batchSize()).isEqualTo(50);
    }

    @Test
    void anInstanceIdKafkaWouldRefuseIsRefusedAtStart() {
        assertThatThrownBy(() -> bind(Map.of("governance.service-name", "case-service",
                "governance.instance-id", "case service #1")))
                .rootCause().hasMessageContaining("GOVERNANCE_INSTANCE_ID");
    }

    private static GovernanceProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bind("governance", GovernanceProperties.class).get();
    }
}
