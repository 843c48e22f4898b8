package cn.changning.governance.benchmarks.platform;

import cn.changning.governance.benchmarks.support.Engines;
import cn.changning.governance.embedded.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The platform as a child process: {@code java -Xmx… -jar local-stack-…-exec.jar}, on ports this benchmark chose, in a
 * data folder of its own. A load generator in the platform's JVM competes with it for CPU, heap and GC and so measures
 * itself too (issue 16: an outside client read 139 creates/s where the in-JVM harness read 84/s); from here the load
 * and the raw limits come from the benchmark's process, against the very engines the platform uses.
 *
 * <p>Stopped with {@link #close()}: SIGTERM first (the local stack's shutdown hook stops the services, then the
 * engines), then killed if it has not ended within the grace period. A shutdown hook of the benchmark's JVM does the
 * same if the benchmark ends without closing it (Ctrl-C, an error before the target is closed).</p>
 */
public final class PlatformProcess implements AutoCloseable {

    /** What the local stack prints on stdout when everything is up (LocalStack.describe). */
    static final String UP_LINE = "Changning governance platform is up";
    static final Duration GRACE = Duration.ofSeconds(60);

    /** Every port the child listens on; all chosen here, so the benchmark knows them without asking the child. */
    public record Ports(int gateway, int gatewayManagement, int identity, int postgres, int kafka, int mongo,
                        int caseService, int dispatchService, int assessmentService, int partyRegistryService) {

        /** Ten distinct free loopback ports. */
        public static Ports free() {
            Set<Integer> seen = new HashSet<>();
            int[] p = new int[10];
            for (int i = 0; i < p.length; i++) {
                int port;
                do {
                    port = FreePorts.find();
                } while (!seen.add(port)); // the OS may hand the same free port out twice
                p[i] = port;
            }
            return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9]);
        }
    }

    private final Process process;
    private final ChildProcess child;
    private final Ports ports;
    private final Path stdout;

    /** A started child (any process, for the tests of the stop). */
    PlatformProcess(Process process, Ports ports, Path stdout) {
        this.process = process;
        this.child = new ChildProcess(process, GRACE, "the platform");
        this.ports = ports;
        this.stdout = stdout;
    }

    /**
     * The child's command line: this JVM's java, its own heap, the local stack's executable jar.
     *
     * @param maxHeap e.g. {@code 3g}
     */
    static List<String> command(Path java, String maxHeap, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Xmx" + maxHeap);
        command.add("-Daxoniq.update-checker.disabled=true");
        // e.g. a flight recording of the platform under the benchmark's load:
        // BENCHMARK_PLATFORM_JVM_OPTS="-XX:StartFlightRecording=filename=/tmp/platform.jfr"
        String extra = System.getenv("BENCHMARK_PLATFORM_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return command;
    }

    /**
     * The child's environment (LocalStackSettings reads it): the ports chosen here, durable engines, and the gateway's
     * per-client rate limits off, so the benchmark measures the services and not the limits (the in-process test
     * stack turns them off the same way; the gateway's own tests measure the limits).
     */
    static Map<String, String> environment(Ports ports, Path dataDirectory) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GOVERNANCE_DATA_DIR", dataDirectory.toAbsolutePath().toString());
        env.put("GATEWAY_PORT", String.valueOf(ports.gateway()));
        env.put("GATEWAY_MANAGEMENT_PORT", String.valueOf(ports.gatewayManagement()));
        env.put("IDENTITY_PORT", String.valueOf(ports.identity()));
        env.put("POSTGRES_PORT", String.valueOf(ports.postgres()));
        env.put("KAFKA_PORT", String.valueOf(ports.kafka()));
        env.put("MONGO_PORT", String.valueOf(ports.mongo()));
        env.put("CASE_SERVICE_PORT", String.valueOf(ports.caseService()));
        env.put("DISPATCH_SERVICE_PORT", String.valueOf(ports.dispatchService()));
        env.put("ASSESSMENT_SERVICE_PORT", String.valueOf(ports.assessmentService()));
        env.put("PARTY_REGISTRY_SERVICE_PORT", String.valueOf(ports.partyRegistryService()));
        env.put("GOVERNANCE_DURABLE", "true");
        // Spring's relaxed binding: governance.gateway.rate-limit.enabled (RateLimitProperties); the environment beats
        // the gateway's file, and the local stack passes no value of its own on fixed ports.
        env.put("GOVERNANCE_GATEWAY_RATELIMIT_ENABLED", "false");
        // The drain scenario pauses and resumes the case projection's binding through Spring Cloud Stream's
        // actuator endpoint (authenticated, on the service's own port). One variable reaches every application in
        // the child, so the list is the union of what the services (GovernanceDefaults) and the gateway (gateway.yml)
        // expose, plus bindings (the authorisation server, which exposes less, gains metrics and the names no bean has).
        env.put("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,info,prometheus,metrics,gateway,bindings");
        return env;
    }

    /** Starts the child and waits until it says it is up; on failure or timeout it is stopped and this throws. */
    public static PlatformProcess start(Path jar, Path dataDirectory, String maxHeap, Path stdout, Duration timeout) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no platform jar at " + jar.toAbsolutePath()
                    + " (build it: ./mvnw -q -pl local-stack,benchmarks -am package -DskipTests)");
        }
        Ports ports = Ports.free();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(command(java, maxHeap, jar))
                .redirectErrorStream(true)
                .redirectOutput(stdout.toFile());
        builder.environment().putAll(environment(ports, dataDirectory));
        PlatformProcess child;
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(stdout.toAbsolutePath().getParent());
            child = new PlatformProcess(builder.start(), ports, stdout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the platform: " + String.join(" ", builder.command()), e);
        }
        try {
            child.awaitUp(timeout);
            return child;
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
    }

    void awaitUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform exited with " + process.exitValue() + " before it was up; see " + stdout);
            }
            if (output().contains(UP_LINE)) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        throw new IllegalStateException("the platform was not up within " + timeout.toSeconds() + " s; see " + stdout);
    }

    private String output() {
        try {
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public Ports ports() {
        return ports;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The child's stdout and stderr (its logs proper are under its data folder's {@code logs}). */
    public Path stdout() {
        return stdout;
    }

    public Engines engines() {
        return Engines.at(ports.postgres(), ports.kafka(), ports.mongo());
    }

    public String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** SIGTERM, the grace period, then kill. */
    @Override
    public void close() {
        child.close();
    }
}
