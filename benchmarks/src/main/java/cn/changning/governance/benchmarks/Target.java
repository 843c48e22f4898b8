package cn.changning.governance.benchmarks;

import cn.changning.governance.benchmarks.core.Http;
import cn.changning.governance.benchmarks.platform.PlatformProcess;
import cn.changning.governance.benchmarks.support.ConsumerBinding;
import cn.changning.governance.benchmarks.support.Engines;
import cn.changning.governance.embedded.EmbeddedInfrastructure;
import cn.changning.governance.localstack.LocalStack;
import cn.changning.governance.localstack.LocalStackSettings;

import cn.changning.governance.localstack.LocalCallers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What the benchmark runs against:
 * <ul>
 *   <li>{@code process} (the full run's default): the local stack as a child process on ports the benchmark chose,
 *   its own JVM and heap ({@link PlatformProcess}); the load and the raw limits come from the benchmark's process,
 *   against the very engines the services use (by address);</li>
 *   <li>{@code in-process} (the quick run's default, CI): the local stack in the benchmark's JVM, which then measures
 *   its own load generator too;</li>
 *   <li>a running platform by URL: the benchmark starts its own embedded engines for the raw limits and the replay, and
 *   the scenarios that write into the platform's own stores (publication burst, grown store, drain) are not
 *   available.</li>
 * </ul>
 * Both local stacks are durable (fsync and synchronous commit on) with the gateway's rate limits off.
 */
public final class Target implements AutoCloseable {

    /** The case service's read-model consumer, whose binding the drain scenario pauses. */
    static final String CASE_PROJECTION_BINDING = "case-projection-in-0";
    static final Duration PLATFORM_START_TIMEOUT = Duration.ofMinutes(5);

    private final String gatewayUrl;
    private final String caseServiceUrl;
    private final String dispatchServiceUrl;
    private final String issuer;
    private final Engines engines;
    private final boolean platformStores;
    private final String description;
    private final String loadFrom;
    private final LocalStack stack;
    private final PlatformProcess child;
    private final EmbeddedInfrastructure ownEngines;

    private Target(String gatewayUrl, String caseServiceUrl, String dispatchServiceUrl, String issuer, Engines engines,
                   boolean platformStores, String description, String loadFrom, LocalStack stack, PlatformProcess child,
                   EmbeddedInfrastructure ownEngines) {
        this.gatewayUrl = gatewayUrl;
        this.caseServiceUrl = caseServiceUrl;
        this.dispatchServiceUrl = dispatchServiceUrl;
        this.issuer = issuer;
        this.engines = engines;
        this.platformStores = platformStores;
        this.description = description;
        this.loadFrom = loadFrom;
        this.stack = stack;
        this.child = child;
        this.ownEngines = ownEngines;
    }

    public static Target open(BenchmarkOptions options) {
        Path data = options.dataDir().orElseGet(Target::temporaryFolder);
        if (options.targetUrl().isPresent()) {
            String url = strip(options.targetUrl().get());
            EmbeddedInfrastructure own = EmbeddedInfrastructure.start(
                    new EmbeddedInfrastructure.Settings(data.resolve("engines"), 0, 0, 0, true, true));
            String issuer = System.getenv("GOVERNANCE_ISSUER_URI");
            return new Target(url, strip(options.caseServiceUrl().orElse(url)), url,
                    issuer == null || issuer.isBlank() ? "http://127.0.0.1:9000" : issuer, Engines.of(own), false,
                    "running platform at " + url + " (raw limits on the benchmark's own embedded engines)",
                    benchmarkJvm() + "; the platform's processes are not the benchmark's", null, null, own);
        }
        if (options.platform() == BenchmarkOptions.Platform.PROCESS) {
            PlatformProcess child = PlatformProcess.start(options.platformJar(), data.resolve("platform"),
                    options.platformHeap(), options.reportDir().resolve("platform-stdout.log"), PLATFORM_START_TIMEOUT);
            PlatformProcess.Ports ports = child.ports();
            try {
                requireRateLimitsOff(child.url(ports.gateway()), child.url(ports.identity()));
            } catch (RuntimeException e) {
                child.close();
                throw e;
            }
            String loadFrom = String.format("%s; platform child JVM pid %d, -Xmx%s (%s), stdout %s, logs %s",
                    benchmarkJvm(), child.pid(), options.platformHeap(), options.platformJar().getFileName(),
                    child.stdout().toAbsolutePath(), data.resolve("platform").resolve("logs").toAbsolutePath());
            return new Target(child.url(ports.gateway()), child.url(ports.caseService()), child.url(ports.dispatchService()),
                    child.url(ports.identity()), child.engines(), true,
                    "local stack as a child process of the benchmark (durable PostgreSQL, in-process Kafka, Mongo wire server on H2; "
                            + "the gateway's rate limits off)", loadFrom, null, child, null);
        }
        LocalStack stack = LocalStack.start(LocalStackSettings.forTests(data).withDurable(true));
        return new Target("http://127.0.0.1:" + stack.gatewayPort(),
                "http://127.0.0.1:" + stack.servicePort("case-service"),
                "http://127.0.0.1:" + stack.servicePort("dispatch-service"),
                stack.issuer(), Engines.of(stack.infrastructure()), true,
                "local stack in the benchmark's JVM (durable PostgreSQL, in-process Kafka, Mongo wire server on H2; the gateway's rate limits off)",
                benchmarkJvm() + ", which runs the platform too: the load generator shares its CPU, heap and GC",
                stack, null, null);
    }

    public String gatewayUrl() { return gatewayUrl; }

    /** The issuer of the platform's tokens: the started stack's, or GOVERNANCE_ISSUER_URI (default port 9000) for a running platform. */
    public String issuer() { return issuer; }

    public String caseServiceUrl() { return caseServiceUrl; }

    public String dispatchServiceUrl() { return dispatchServiceUrl; }

    /** PostgreSQL, Kafka and the Mongo wire server: the platform's own, or the benchmark's when targeting a URL. */
    public Engines engines() { return engines; }

    /** The platform's own stores, when the benchmark may write into them (a local stack it started). */
    public Optional<Engines> platformStores() {
        return platformStores ? Optional.of(engines) : Optional.empty();
    }

    /** The case projection's consumer binding, when the benchmark started the platform (it may pause it). */
    public Optional<ConsumerBinding> caseProjection(Http http) {
        if (stack != null) {
            return Optional.of(ConsumerBinding.inProcess(stack.service("case-service"), CASE_PROJECTION_BINDING));
        }
        if (child != null) {
            return Optional.of(ConsumerBinding.overHttp(http, caseServiceUrl, CASE_PROJECTION_BINDING));
        }
        return Optional.empty();
    }

    /** Whether the platform runs as the benchmark's child process (more instances of its services can join it). */
    public boolean isChildProcess() {
        return child != null;
    }

    public String describe() {
        return description;
    }

    /** Where the load (and the raw limits) came from, for the report's environment. */
    public String loadFrom() {
        return loadFrom;
    }

    /**
     * The gateway counts every request it limits with a {@code RateLimit-Limit} header; an answer without one shows the
     * child took GOVERNANCE_GATEWAY_RATELIMIT_ENABLED=false, so the run measures the services and not the limits.
     */
    static void requireRateLimitsOff(String gatewayUrl, String issuer) {
        String path = "/api/v1/cases?size=1";
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", new LocalCallers(issuer, gatewayUrl).authorization("GET", path, null)).GET().build();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || r.headers().firstValue("RateLimit-Limit").isPresent()) {
                throw new IllegalStateException("the platform's gateway still limits requests or does not answer: GET " + path
                        + " " + r.statusCode() + ", RateLimit-Limit " + r.headers().firstValue("RateLimit-Limit").orElse("absent"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + gatewayUrl + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String benchmarkJvm() {
        return String.format("benchmark JVM pid %d, -Xmx%d MiB", ProcessHandle.current().pid(), Runtime.getRuntime().maxMemory() >> 20);
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.close();
        }
        if (child != null) {
            child.close();
        }
        if (ownEngines != null) {
            ownEngines.close();
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("governance-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
