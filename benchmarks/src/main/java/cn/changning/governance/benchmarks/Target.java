package cn.changning.governance.benchmarks;

import cn.changning.governance.embedded.EmbeddedInfrastructure;
import cn.changning.governance.localstack.LocalStack;
import cn.changning.governance.localstack.LocalStackSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the benchmark runs against: the local stack it starts (durable: fsync and synchronous
 * commit on), or a running platform by URL. The engines (PostgreSQL, Kafka, Mongo wire server)
 * are the stack's own, so raw limits are measured on the very servers the services use; against a
 * URL the benchmark starts its own embedded engines for the raw limits and the replay, and the
 * scenarios that write into the platform's own stores (publication burst, grown store) are not
 * available.
 */
public final class Target implements AutoCloseable {

    private final String gatewayUrl;
    private final String caseServiceUrl;
    private final String dispatchServiceUrl;
    private final EmbeddedInfrastructure engines;
    private final boolean platformStores;
    private final LocalStack stack;
    private final EmbeddedInfrastructure ownEngines;

    private Target(String gatewayUrl, String caseServiceUrl, String dispatchServiceUrl, EmbeddedInfrastructure engines,
                   boolean platformStores, LocalStack stack, EmbeddedInfrastructure ownEngines) {
        this.gatewayUrl = gatewayUrl;
        this.caseServiceUrl = caseServiceUrl;
        this.dispatchServiceUrl = dispatchServiceUrl;
        this.engines = engines;
        this.platformStores = platformStores;
        this.stack = stack;
        this.ownEngines = ownEngines;
    }

    public static Target open(BenchmarkOptions options) {
        Path data = options.dataDir().orElseGet(Target::temporaryFolder);
        if (options.targetUrl().isPresent()) {
            String url = strip(options.targetUrl().get());
            EmbeddedInfrastructure own = EmbeddedInfrastructure.start(
                    new EmbeddedInfrastructure.Settings(data.resolve("engines"), 0, 0, 0, true, true));
            return new Target(url, strip(options.caseServiceUrl().orElse(url)), url, own, false, null, own);
        }
        LocalStack stack = LocalStack.start(LocalStackSettings.forTests(data).withDurable(true));
        return new Target("http://127.0.0.1:" + stack.gatewayPort(),
                "http://127.0.0.1:" + stack.servicePort("case-service"),
                "http://127.0.0.1:" + stack.servicePort("dispatch-service"),
                stack.infrastructure(), true, stack, null);
    }

    public String gatewayUrl() { return gatewayUrl; }

    /** The issuer of the platform's tokens: the started stack's, or GOVERNANCE_ISSUER_URI (default port 9000) for a running platform. */
    public String issuer() {
        if (stack != null) {
            return stack.issuer();
        }
        String issuer = System.getenv("GOVERNANCE_ISSUER_URI");
        return issuer == null || issuer.isBlank() ? "http://127.0.0.1:9000" : issuer;
    }
    public String caseServiceUrl() { return caseServiceUrl; }
    public String dispatchServiceUrl() { return dispatchServiceUrl; }

    /** PostgreSQL, Kafka and the Mongo wire server: the platform's own, or the benchmark's when targeting a URL. */
    public EmbeddedInfrastructure engines() { return engines; }

    /** The platform's own stores, when the benchmark may write into them (the local stack it started). */
    public Optional<EmbeddedInfrastructure> platformStores() {
        return platformStores ? Optional.of(engines) : Optional.empty();
    }

    public String describe() {
        return stack != null ? "local stack started by the benchmark (durable PostgreSQL, in-process Kafka, Mongo wire server on H2)"
                : "running platform at " + gatewayUrl + " (raw limits on the benchmark's own embedded engines)";
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.close();
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
