package cn.changning.governance.benchmarks.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformProcessTest {

    @Test
    void theChildRunsTheLocalStackJarOnItsOwnHeap() {
        List<String> command = PlatformProcess.command(Path.of("/jdk/bin/java"), "3g", Path.of("/repo/local-stack/target/ls-exec.jar"));

        assertThat(command).containsExactly("/jdk/bin/java", "-Xmx3g", "-Daxoniq.update-checker.disabled=true",
                "-jar", "/repo/local-stack/target/ls-exec.jar");
    }

    @Test
    void everyPortTheChildListensOnIsChosenByTheBenchmarkAndTheRateLimitsAreOff() {
        PlatformProcess.Ports ports = PlatformProcess.Ports.free();
        Map<String, String> env = PlatformProcess.environment(ports, Path.of("/tmp/bench/platform"));

        Set<Integer> distinct = Stream.of(ports.gateway(), ports.gatewayManagement(), ports.identity(), ports.postgres(),
                ports.kafka(), ports.mongo(), ports.caseService(), ports.dispatchService(), ports.assessmentService(),
                ports.partyRegistryService()).collect(Collectors.toSet());
        assertThat(distinct).hasSize(10);
        assertThat(env).containsEntry("GATEWAY_PORT", String.valueOf(ports.gateway()))
                .containsEntry("GATEWAY_MANAGEMENT_PORT", String.valueOf(ports.gatewayManagement()))
                .containsEntry("IDENTITY_PORT", String.valueOf(ports.identity()))
                .containsEntry("POSTGRES_PORT", String.valueOf(ports.postgres()))
                .containsEntry("KAFKA_PORT", String.valueOf(ports.kafka()))
                .containsEntry("MONGO_PORT", String.valueOf(ports.mongo()))
                .containsEntry("CASE_SERVICE_PORT", String.valueOf(ports.caseService()))
                .containsEntry("DISPATCH_SERVICE_PORT", String.valueOf(ports.dispatchService()))
                .containsEntry("ASSESSMENT_SERVICE_PORT", String.valueOf(ports.assessmentService()))
                .containsEntry("PARTY_REGISTRY_SERVICE_PORT", String.valueOf(ports.partyRegistryService()))
                .containsEntry("GOVERNANCE_DATA_DIR", "/tmp/bench/platform")
                .containsEntry("GOVERNANCE_DURABLE", "true")
                .containsEntry("GOVERNANCE_GATEWAY_RATELIMIT_ENABLED", "false");
        assertThat(env.get("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE").split(","))
                .as("what the services and the gateway expose, plus bindings")
                .contains("health", "prometheus", "metrics", "gateway", "bindings");
    }

    @Test
    void aMissingJarIsNamedWithTheBuildThatMakesIt() {
        assertThatThrownBy(() -> PlatformProcess.start(Path.of("/nowhere/local-stack-exec.jar"), Path.of("/tmp/unused"),
                "1g", Path.of("/tmp/unused/out.log"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nowhere/local-stack-exec.jar")
                .hasMessageContaining("-pl local-stack");
    }

    @Test
    void aChildThatExitsBeforeItIsUpFailsTheStartWithItsOutputNamed(@TempDir Path folder) throws Exception {
        Path notAJar = Files.writeString(folder.resolve("local-stack-exec.jar"), "not a jar");
        Path stdout = folder.resolve("platform-stdout.log");

        assertThatThrownBy(() -> PlatformProcess.start(notAJar, folder.resolve("platform"), "64m", stdout, Duration.ofSeconds(60)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with")
                .hasMessageContaining(stdout.toString());
        assertThat(Files.readString(stdout)).as("what java said").isNotBlank();
    }

    @Test
    void closingStopsTheChild(@TempDir Path folder) throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        PlatformProcess child = new PlatformProcess(sleeper, PlatformProcess.Ports.free(), folder.resolve("out.log"));
        assertThat(child.isAlive()).isTrue();

        child.close();

        assertThat(child.isAlive()).isFalse();
    }
}
