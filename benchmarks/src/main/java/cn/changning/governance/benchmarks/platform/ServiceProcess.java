package cn.changning.governance.benchmarks.platform;

import cn.changning.governance.benchmarks.core.Await;
import cn.changning.governance.benchmarks.support.Engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One more instance of a service beside the platform's child: {@code java -Xmx… -jar <service>-…-exec.jar}, configured
 * only by deploy/README.md's variables (the engines' addresses, the issuer, its own port), against the engines and the
 * authorisation server of the platform the benchmark started. Its stdout and stderr go to a file.
 *
 * <p>Without {@code GOVERNANCE_INSTANCE_ID}: its consumers are dynamic members of their groups, which leave them when it
 * stops, so the platform's own instance takes their partitions back at once (a static member's would wait for its 10 s
 * session timeout), and its processors' token owner is Axon's default (pid@host), unique. The personal-data keys are
 * the published development keys the local stack's instance uses ({@code --governance.personal-data.development-keys}):
 * the same keys on both instances, as deploy/README.md asks.</p>
 *
 * <p>Stopped with {@link #close()} as the platform is: SIGTERM, the grace period, then killed; a shutdown hook does the
 * same if the benchmark ends without closing it.</p>
 */
public final class ServiceProcess implements AutoCloseable {

    static final Duration GRACE = Duration.ofSeconds(60);
    private static final HttpClient HEALTH = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String service;
    private final Process process;
    private final ChildProcess child;
    private final int port;
    private final Path stdout;

    private ServiceProcess(String service, Process process, int port, Path stdout) {
        this.service = service;
        this.process = process;
        this.child = new ChildProcess(process, GRACE, service + " instance");
        this.port = port;
        this.stdout = stdout;
    }

    /** The command line: this JVM's java, its own heap, the service's executable jar, the development keys. */
    static List<String> command(Path java, String maxHeap, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Xmx" + maxHeap);
        command.add("-Daxoniq.update-checker.disabled=true");
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        // The local stack's instance seals personal data under the published development keys (synthetic data only):
        // an instance beside it must use the same keys, or neither could open what the other sealed.
        command.add("--governance.personal-data.development-keys=true");
        return command;
    }

    /**
     * deploy/README.md's variables for one more instance of the service: the platform's engines (PostgreSQL user and
     * password as the embedded server has them), its issuer, the topics' partition count the platform made them with,
     * and the instance's own port ({@code CASE_SERVICE_PORT} for {@code case-service}).
     */
    static Map<String, String> environment(String service, Engines engines, String issuer, int port, int partitions) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GOVERNANCE_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:" + engines.postgresPort());
        env.put("GOVERNANCE_POSTGRES_USER", engines.username());
        env.put("GOVERNANCE_POSTGRES_PASSWORD", engines.password());
        env.put("GOVERNANCE_KAFKA_BOOTSTRAP", engines.bootstrapServers());
        env.put("GOVERNANCE_MONGO_URI", engines.mongoUri());
        env.put("GOVERNANCE_ISSUER_URI", issuer);
        env.put("GOVERNANCE_TOPICS_PARTITIONS", String.valueOf(partitions));
        env.put(service.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PORT", String.valueOf(port));
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return env;
    }

    /**
     * Starts the instance and waits until its {@code /actuator/health} says UP; on failure or timeout it is stopped and
     * this throws.
     */
    public static ServiceProcess start(String service, Path jar, String maxHeap, Engines engines, String issuer,
                                       int port, int partitions, Path stdout, Duration timeout) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + service + " jar at " + jar.toAbsolutePath()
                    + " (build it: ./mvnw -q -pl " + service + " -am package -DskipTests)");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(command(java, maxHeap, jar))
                .redirectErrorStream(true)
                .redirectOutput(stdout.toFile());
        builder.environment().putAll(environment(service, engines, issuer, port, partitions));
        ServiceProcess instance;
        try {
            Files.createDirectories(stdout.toAbsolutePath().getParent());
            instance = new ServiceProcess(service, builder.start(), port, stdout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service + ": " + String.join(" ", builder.command()), e);
        }
        try {
            instance.awaitHealthy(timeout);
            return instance;
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
    }

    private void awaitHealthy(Duration timeout) {
        AtomicReference<String> last = new AtomicReference<>("no answer");
        boolean up = Await.until(() -> {
            if (!process.isAlive()) {
                return true;
            }
            try {
                HttpResponse<String> r = HEALTH.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last.set(r.statusCode() + " " + r.body());
                return r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"");
            } catch (IOException e) {
                last.set(e.toString());
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, timeout, Duration.ofMillis(500));
        if (!process.isAlive()) {
            throw new IllegalStateException(service + " exited with " + process.exitValue() + " before it was up; see " + stdout);
        }
        if (!up) {
            throw new IllegalStateException(service + " was not UP within " + timeout.toSeconds() + " s (last: "
                    + abbreviate(last.get()) + "); see " + stdout);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path stdout() {
        return stdout;
    }

    @Override
    public void close() {
        child.close();
    }
}
