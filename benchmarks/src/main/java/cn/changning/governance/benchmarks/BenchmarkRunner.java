package cn.changning.governance.benchmarks;

import cn.changning.governance.localstack.LocalCallers;

import cn.changning.governance.benchmarks.core.Http;
import cn.changning.governance.benchmarks.core.Report;
import cn.changning.governance.benchmarks.core.ReportWriter;
import cn.changning.governance.benchmarks.core.ScenarioResult;
import cn.changning.governance.benchmarks.scenarios.AssessmentRescoringScenario;
import cn.changning.governance.benchmarks.scenarios.CommandScenario;
import cn.changning.governance.benchmarks.scenarios.DrainRateScenario;
import cn.changning.governance.benchmarks.scenarios.FullLoopScenario;
import cn.changning.governance.benchmarks.scenarios.GrowthScenario;
import cn.changning.governance.benchmarks.scenarios.PublicationScenario;
import cn.changning.governance.benchmarks.scenarios.RawLimits;
import cn.changning.governance.benchmarks.scenarios.ReplayScenario;
import cn.changning.governance.benchmarks.scenarios.TwoInstancesScenario;
import cn.changning.governance.benchmarks.scenarios.VisibilityLagScenario;
import cn.changning.governance.benchmarks.support.CaseApi;
import cn.changning.governance.benchmarks.support.ConsumerLag;
import cn.changning.governance.benchmarks.support.Engines;
import cn.changning.governance.benchmarks.support.EventStoreSeeder;
import cn.changning.governance.embedded.EmbeddedInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs every scenario of issue 5 in order and writes the report:
 *
 * <pre>
 *   ./mvnw -q -pl benchmarks -am package -DskipTests
 *   java -jar benchmarks/target/benchmarks.jar [--quick] [--target-url http://127.0.0.1:8080] [--report-dir DIR]
 * </pre>
 *
 * Order matters: raw limits first (nothing else running), a warm-up of the stack's code, the
 * empty-store command run before anything else is stored, then commands, visibility lag (its rates follow the measured peak), the full
 * loop, two instances of the case service (the full run with a child platform only; the second is stopped before the
 * next scenario), the replay, the growth runs (which fill the stores), the publication burst, whose
 * backlog keeps the platform's consumers busy for a while after it, and last the drain, which pauses the
 * case projection to build a backlog of its own. Between
 * scenarios the platform's consumers are given time to catch up, so one scenario's backlog
 * does not load the next.
 */
public final class BenchmarkRunner {

    /** Unmeasured load before the full run's first measured scenario: creates, transitions and reads, both routes. */
    static final Duration FULL_WARM_UP = Duration.ofSeconds(90);
    /** The two-instances scenario's clients per instance: the command scenario's 4-client run on each. */
    static final int CLIENTS_PER_INSTANCE = 4;

    private final BenchmarkOptions options;
    private final BenchmarkOptions.Sizes sizes;
    private final Report report = new Report();

    private BenchmarkRunner(BenchmarkOptions options) {
        this.options = options;
        this.sizes = options.sizes();
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            BenchmarkOptions parsed = BenchmarkOptions.parse(args);
            BenchmarkOptions options = prepare(parsed);
            Report report = run(options, parsed.dataDir().isEmpty());
            System.out.println(ReportWriter.table(report));
            System.out.println("Report written to " + options.reportDir().toAbsolutePath());
        } catch (RuntimeException e) {
            e.printStackTrace();
            status = 1;
        }
        // Kafka, Netty and Tomcat leave non-daemon threads behind.
        System.exit(status);
    }

    /** Settles the data folder before anything logs: the local stack's logback.xml writes under it. */
    static BenchmarkOptions prepare(BenchmarkOptions options) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Path data = options.dataDir().orElseGet(() -> {
            try {
                return Files.createTempDirectory("governance-bench-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (System.getProperty("GOVERNANCE_DATA_DIR") == null && System.getenv("GOVERNANCE_DATA_DIR") == null) {
            System.setProperty("GOVERNANCE_DATA_DIR", data.toString());
        }
        return options.withDataDir(data);
    }

    /** Runs everything and writes the report files; the test calls this. */
    public static Report run(BenchmarkOptions options) {
        return run(options, options.dataDir().isEmpty());
    }

    /** @param temporaryData the data folder is the run's own, deleted at the end */
    private static Report run(BenchmarkOptions options, boolean temporaryData) {
        BenchmarkRunner runner = new BenchmarkRunner(prepare(options));
        long start = System.nanoTime();
        try {
            if (runner.options.only().filter(BenchmarkOptions.ONLY_ASSESSMENT::equals).isPresent()) {
                runner.runAssessmentOnly();
            } else {
                try (Target target = Target.open(runner.options)) {
                    if (runner.options.only().filter(BenchmarkOptions.ONLY_TWO_INSTANCES::equals).isPresent()) {
                        runner.runTwoInstancesOnly(target);
                    } else {
                        runner.runAll(target);
                    }
                }
            }
        } finally {
            runner.report.environment().put("wallClockSeconds", Math.round((System.nanoTime() - start) / 1e9));
            ReportWriter.write(runner.report, options.reportDir());
            if (temporaryData) {
                // A temporary folder of ours: the grown store and read model are gigabytes.
                deleteQuietly(runner.options.dataDir().get());
            }
        }
        return runner.report;
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + folder + ": " + e);
        }
    }

    private void runAll(Target target) {
        describe(target, options.quick() ? "quick" : "full");
        CaseApi api = api(target);
        Engines engines = target.engines();
        Optional<Engines> stores = target.platformStores();
        Optional<EventStoreSeeder> eventStore = stores.map(s -> new EventStoreSeeder(
                s.jdbcUrl("case_service"), s.username(), s.password()));

        step("raw limits", () -> new RawLimits(engines, sizes.rawPhase()).run(report));

        GrowthScenario growth = new GrowthScenario(api, target.caseServiceUrl(), target.gatewayUrl(),
                sizes.growthWarmup(), sizes.growthDuration());
        warmUp(growth);
        settle(stores);
        step("growth, empty store", () -> growth.commands(report, GrowthScenario.EMPTY, eventStore.map(EventStoreSeeder::count).orElse(-1L)));

        CommandScenario commands = new CommandScenario(api, sizes.commandWarmup(), sizes.commandDuration());
        for (int clients : new int[]{4, 16}) {
            step("creates", () -> commands.creates(report, "case service", target.caseServiceUrl(), clients));
            step("creates", () -> commands.creates(report, "gateway", target.gatewayUrl(), clients));
        }
        for (int clients : new int[]{4, 16}) {
            step("transitions", () -> commands.transitions(report, "case service", target.caseServiceUrl(), clients));
            step("transitions", () -> commands.transitions(report, "gateway", target.gatewayUrl(), clients));
        }
        settle(stores);

        double peak = Math.max(report.figure(CommandScenario.GROUP, CommandScenario.createName("gateway", 4), "commandsPerSecond"),
                report.figure(CommandScenario.GROUP, CommandScenario.createName("gateway", 16), "commandsPerSecond"));
        report.environment().put("peakCreatesPerSecondViaGateway", Math.round(peak));
        VisibilityLagScenario lag = new VisibilityLagScenario(api, target.gatewayUrl(), target.caseServiceUrl(),
                sizes.lagWarmup(), sizes.lagDuration(), stores.map(Engines::bootstrapServers));
        step("visibility 20/s", () -> lag.run(report, "20/s", 20));
        if (peak > 0) {
            settle(stores);
            step("visibility 10%", () -> lag.run(report, "10% of peak", Math.max(1, 0.10 * peak)));
            settle(stores);
            step("visibility 50%", () -> lag.run(report, "50% of peak", Math.max(1, 0.50 * peak)));
            settle(stores);
            // Issue 16: at the peak rate itself, is the read side's lag bounded once the load stops?
            step("visibility 100%", () -> lag.run(report, VisibilityLagScenario.PEAK_LABEL, peak));
        }
        settle(stores);

        step("full loop", () -> new FullLoopScenario(api, target.gatewayUrl(), sizes.loopActors(), sizes.loopWarmup(),
                sizes.loopDuration()).run(report));
        settle(stores);

        // After the command, lag and loop scenarios (a second instance would share their load), before the replay, the
        // growth and the drain (which pauses the first instance's projection only); the second instance is stopped
        // at its end and its consumers leave their groups, and the platform settles before the next scenario.
        if (options.quick()) {
            report.add(TwoInstancesScenario.notAvailable("not in the quick run (a second case-service JVM, "
                    + sizes.instancesWarmup().toSeconds() + " s of warm-up); run the full run or --only two-instances"));
        } else {
            twoInstances(api, target);
        }
        settle(stores);

        step("replay", () -> new ReplayScenario(engines, sizes.replayEvents(), sizes.replayTimeCap()).run(report));
        step("assessment re-scoring", () -> assessment(engines));

        step("queries", () -> growth.queries(report, "queries, read model as the run left it", sizes.queryRepetitions(),
                "on the cases the run created"));
        if (eventStore.isPresent()) {
            step("grow store", () -> growth.growStore(report, eventStore.get(), template(api, target, eventStore.get()),
                    sizes.growthEvents(), sizes.seedTimeCap()));
            step("growth, grown store", () -> growth.commands(report, GrowthScenario.GROWN, eventStore.get().count()));
            settle(stores);
            long[] added = {0};
            step("grow read model", () -> added[0] = growth.growReadModel(report, stores.get().mongoUri(),
                    sizes.growthCases(), sizes.seedTimeCap()));
            step("queries grown", () -> growth.queries(report, "queries, read model grown", sizes.queryRepetitions(),
                    String.format("after %,d cases were added", added[0])));
            // Last: the burst leaves the platform's consumers a backlog that would load any scenario after it.
            step("publication", () -> new PublicationScenario(eventStore.get(), engines.bootstrapServers(),
                    sizes.publicationEvents()).run(report, template(api, target, eventStore.get())));
            // After the publication burst's backlog is drained: the drain scenario makes a backlog of its own.
            settle(stores);
            step("drain", () -> new DrainRateScenario(eventStore.get(), engines.bootstrapServers(),
                    target.caseProjection(api.http()).orElseThrow(), sizes.publicationEvents())
                    .run(report, template(api, target, eventStore.get())));
        } else {
            report.add(new ScenarioResult(GrowthScenario.GROUP, GrowthScenario.GROWN)
                    .notAvailable("needs the platform's event store and read model (the local stack); not reachable with --target-url"));
            report.add(new ScenarioResult(PublicationScenario.GROUP, PublicationScenario.NAME)
                    .notAvailable("needs the platform's event store (the local stack); not reachable with --target-url"));
            report.add(new ScenarioResult(DrainRateScenario.GROUP, DrainRateScenario.NAME)
                    .notAvailable("needs the platform's event store and the case projection's binding (the local stack); not reachable with --target-url"));
        }
        Goals.evaluate(report, sizes);
    }

    /** {@code --only two-instances}: the platform, the full run's warm-up, then the scenario and its goal. */
    private void runTwoInstancesOnly(Target target) {
        describe(target, (options.quick() ? "quick" : "full") + ", only the two-instances scenario");
        CaseApi api = api(target);
        warmUp(new GrowthScenario(api, target.caseServiceUrl(), target.gatewayUrl(), sizes.growthWarmup(), sizes.growthDuration()));
        settle(target.platformStores());
        twoInstances(api, target);
        Goals.twoInstances(report);
    }

    /** Scenario 9 where it can run: a child platform and the case service's jar; "not available" otherwise. */
    private void twoInstances(CaseApi api, Target target) {
        if (!target.isChildProcess()) {
            report.add(TwoInstancesScenario.notAvailable("needs --platform process and the case service's exec jar"
                    + " (the platform here: " + target.describe() + ")"));
            return;
        }
        if (!Files.isRegularFile(options.caseServiceJar())) {
            report.add(TwoInstancesScenario.notAvailable("needs --platform process and the case service's exec jar: none at "
                    + options.caseServiceJar().toAbsolutePath() + " (./mvnw -q -pl case-service -am package -DskipTests,"
                    + " or --case-service-jar)"));
            return;
        }
        step("two instances", () -> new TwoInstancesScenario(api, target.caseServiceUrl(), target.engines(), target.issuer(),
                options.caseServiceJar(), BenchmarkOptions.INSTANCE_HEAP, options.reportDir(), CLIENTS_PER_INSTANCE,
                sizes.commandWarmup(), sizes.instancesWarmup(), sizes.instancesDuration()).run(report));
    }

    private void describe(Target target, String mode) {
        Runtime rt = Runtime.getRuntime();
        report.environment().put("mode", mode);
        report.environment().put("target", target.describe());
        report.environment().put("loadFrom", target.loadFrom());
        report.environment().put("machine", String.format(Locale.ROOT, "%d cores, JVM %s, max heap %d MiB, %s",
                rt.availableProcessors(), System.getProperty("java.version"), rt.maxMemory() >> 20, System.getProperty("os.name")));
        report.environment().put("loadAverageAtStart", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report.environment().put("sizes", sizes.toString());
    }

    private static CaseApi api(Target target) {
        return new CaseApi(new Http(Duration.ofSeconds(120), new LocalCallers(target.issuer(), target.gatewayUrl())));
    }

    /**
     * The full run measures the platform as a long-running service does: its JIT still compiled after a minute of load
     * (issue 16's profile), so 15 s of warm-up measured compilation in the first command scenarios.
     */
    private void warmUp(GrowthScenario growth) {
        Duration warmUp = options.quick() ? sizes.growthWarmup().multipliedBy(3) : FULL_WARM_UP;
        report.environment().put("warmUpSeconds", warmUp.toSeconds());
        step("warm-up (JIT), not measured", () -> growth.warmUp(warmUp));
    }

    private void assessment(Engines engines) {
        new AssessmentRescoringScenario(engines, sizes.assessmentCases(), sizes.assessmentTimeCap(), sizes.assessmentRepetitions()).run(report);
    }

    /** {@code --only assessment}: the engines alone (no services), scenario 7 and its goal. */
    private void runAssessmentOnly() {
        Runtime rt = Runtime.getRuntime();
        report.environment().put("mode", (options.quick() ? "quick" : "full") + ", only the assessment scenario");
        report.environment().put("target", "the benchmark's own embedded engines (PostgreSQL, in-process Kafka, Mongo wire server on H2); no services");
        report.environment().put("machine", String.format(Locale.ROOT, "%d cores, JVM %s, max heap %d MiB, %s",
                rt.availableProcessors(), System.getProperty("java.version"), rt.maxMemory() >> 20, System.getProperty("os.name")));
        report.environment().put("loadAverageAtStart", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report.environment().put("sizes", sizes.toString());
        try (EmbeddedInfrastructure engines = EmbeddedInfrastructure.start(
                new EmbeddedInfrastructure.Settings(options.dataDir().orElseThrow().resolve("engines"), 0, 0, 0, true, true))) {
            step("assessment re-scoring", () -> assessment(Engines.of(engines)));
        }
        Goals.assessment(report);
    }

    /** Runs a scenario; a failure is reported and the run goes on. */
    private void step(String what, Runnable scenario) {
        System.out.printf("[%tT] %s%n", System.currentTimeMillis(), what);
        try {
            scenario.run();
        } catch (RuntimeException e) {
            e.printStackTrace();
            report.add(new ScenarioResult("errors", what).failed(e));
        }
    }

    /** A real case, reported now, whose stored first event the seeders copy. */
    private static EventStoreSeeder.Template template(CaseApi api, Target target, EventStoreSeeder store) {
        return store.template(api.report(target.caseServiceUrl())
                .orElseThrow(() -> new IllegalStateException("cannot report a template case")));
    }

    /** Lets every consumer of the platform catch up (bounded); a backlog left over is noted in the report. */
    private void settle(Optional<Engines> stores) {
        Duration timeout = sizes.settleCap();
        if (stores.isEmpty()) {
            return;
        }
        try (ConsumerLag lag = new ConsumerLag(stores.get().bootstrapServers())) {
            long start = System.nanoTime();
            long left = lag.awaitAllCaughtUp(timeout);
            double seconds = (System.nanoTime() - start) / 1e9;
            String line = String.format(Locale.ROOT, "after %s: consumers caught up in %.1f s%s",
                    report.results().isEmpty() ? "start" : report.results().get(report.results().size() - 1).name(),
                    seconds, left > 0 ? ", " + left + " events still behind at the time limit" : "");
            report.environment().merge("settling", line, (a, b) -> a + " | " + b);
        } catch (RuntimeException e) {
            report.environment().merge("settling", "could not read consumer lag: " + e.getMessage(), (a, b) -> a + " | " + b);
        }
    }
}
