package cn.changning.governance.benchmarks.platform;

import cn.changning.governance.benchmarks.support.Engines;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceProcessTest {

    @Test
    void theInstanceReachesThePlatformsEnginesAndIssuerOnItsOwnPortByDeploysVariables() {
        Map<String, String> env = ServiceProcess.environment("case-service", Engines.at(25432, 29092, 27217),
                "http://127.0.0.1:19000", 18091, 3);

        assertThat(env).containsEntry("GOVERNANCE_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:25432")
                .containsEntry("GOVERNANCE_POSTGRES_USER", "postgres")
                .containsEntry("GOVERNANCE_POSTGRES_PASSWORD", "postgres")
                .containsEntry("GOVERNANCE_KAFKA_BOOTSTRAP", "127.0.0.1:29092")
                .containsEntry("GOVERNANCE_MONGO_URI", "mongodb://127.0.0.1:27217")
                .containsEntry("GOVERNANCE_ISSUER_URI", "http://127.0.0.1:19000")
                .containsEntry("GOVERNANCE_TOPICS_PARTITIONS", "3")
                .containsEntry("CASE_SERVICE_PORT", "18091")
                .as("a dynamic member: it leaves its groups when stopped").doesNotContainKey("GOVERNANCE_INSTANCE_ID");
        assertThat(ServiceProcess.environment("party-registry-service", Engines.at(1, 2, 3), "http://i", 18084, 6))
                .containsEntry("PARTY_REGISTRY_SERVICE_PORT", "18084");
    }

    @Test
    void theInstanceRunsTheServicesJarOnItsOwnHeapUnderTheLocalStacksDevelopmentKeys() {
        List<String> command = ServiceProcess.command(Path.of("/jdk/bin/java"), "1g", Path.of("/repo/case-service/target/cs-exec.jar"));

        assertThat(command).containsExactly("/jdk/bin/java", "-Xmx1g", "-Daxoniq.update-checker.disabled=true",
                "-jar", "/repo/case-service/target/cs-exec.jar", "--governance.personal-data.development-keys=true");
    }

    @Test
    void aMissingJarIsNamedWithTheBuildThatMakesIt() {
        assertThatThrownBy(() -> ServiceProcess.start("case-service", Path.of("/nowhere/case-service-exec.jar"),
                "1g", Engines.at(1, 2, 3), "http://i", 1, 3, Path.of("/tmp/unused/out.log"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nowhere/case-service-exec.jar")
                .hasMessageContaining("-pl case-service");
    }
}
