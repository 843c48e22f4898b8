package cn.changning.governance.benchmarks.scenarios;

import cn.changning.governance.benchmarks.core.Await;
import cn.changning.governance.benchmarks.core.ClosedLoopLoad;
import cn.changning.governance.benchmarks.core.Latency;
import cn.changning.governance.benchmarks.core.Report;
import cn.changning.governance.benchmarks.core.ScenarioResult;
import cn.changning.governance.benchmarks.instances.EventStoreRows;
import cn.changning.governance.benchmarks.instances.InstanceMetrics;
import cn.changning.governance.benchmarks.instances.InstanceWork;
import cn.changning.governance.benchmarks.instances.OnceCheck;
import cn.changning.governance.benchmarks.instances.TopicEvent;
import cn.changning.governance.benchmarks.instances.TopicEvents;
import cn.changning.governance.benchmarks.platform.ServiceProcess;
import cn.changning.governance.benchmarks.support.CaseApi;
import cn.changning.governance.benchmarks.support.ConsumerLag;
import cn.changning.governance.benchmarks.support.Engines;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.embedded.FreePorts;
import org.apache.kafka.common.TopicPartition;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 9 (issue 16): two instances of the case service against the same PostgreSQL, Kafka and Mongo. A second
 * instance is started from the case service's own executable jar beside the platform's child ({@link ServiceProcess},
 * configured only by deploy/README.md's variables), waited for until its {@code /actuator/health} is UP, and warmed
 * up with creates on both instances (its JIT; the first is warm from the run's warm-up). Then half the clients create
 * cases straight at each instance, closed loop, for the measured period. Before the second instance starts, the same
 * number of clients per instance creates at the first alone for as long: the one-instance figure the two are held
 * against, in the same run, on the same store.
 *
 * <p>What each instance did is the difference of its own {@code /actuator/prometheus} before and after the measured
 * period (HTTP calls, events its publisher carried to Kafka, records its consumers handled). Checks, over every case
 * created while both ran (warm-up included): each case's {@code CaseReported} is on the case topic exactly once (by
 * record key and CloudEvents id, read from the topic's end offsets before the load), those cases' events on the topic
 * are as many as their rows in the event store, each case is in the read model ({@code GET /api/v1/cases/{id}}) within
 * a bounded settle, and both instances served calls and handled records of the case projection. Any failed check
 * makes the result FAILED with its reason.</p>
 *
 * <p>The second instance is stopped at the end, also on failure (SIGTERM, 60 s, then killed); its stdout is kept in the
 * report folder. Its consumers are dynamic members that leave their groups on the stop, so the first instance takes the
 * partitions back at once for the scenarios after this one.</p>
 */
public final class TwoInstancesScenario {

    public static final String GROUP = "9 two instances";
    public static final String NAME = "two case-service instances, one store";
    public static final String BASELINE = "one case-service instance, the same clients";
    static final String SERVICE = "case-service";
    static final String PROJECTION = "case-projection";
    static final String SECOND_STDOUT = "case-service-2-stdout.log";
    static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    static final Duration SETTLE = Duration.ofSeconds(60);
    static final int VISIBILITY_CHECKERS = 4;

    private final CaseApi api;
    private final String firstUrl;
    private final Engines engines;
    private final String issuer;
    private final Path jar;
    private final String heap;
    private final Path reportDir;
    private final int clientsPerInstance;
    private final Duration baselineWarmup;
    private final Duration warmup;
    private final Duration duration;

    /**
     * @param firstUrl           the platform's own case service
     * @param engines            the platform's engines (the second instance's PostgreSQL, Kafka and Mongo)
     * @param issuer             the platform's authorisation server (the second instance trusts its tokens)
     * @param jar                the case service's executable jar
     * @param baselineWarmup     unmeasured lead-in of the one-instance run
     * @param warmup             unmeasured load on both instances once the second is up (its JIT)
     * @param duration           each measured period (one instance, then two)
     */
    public TwoInstancesScenario(CaseApi api, String firstUrl, Engines engines, String issuer, Path jar, String heap,
                                Path reportDir, int clientsPerInstance, Duration baselineWarmup, Duration warmup,
                                Duration duration) {
        this.api = api;
        this.firstUrl = firstUrl;
        this.engines = engines;
        this.issuer = issuer;
        this.jar = jar;
        this.heap = heap;
        this.reportDir = reportDir;
        this.clientsPerInstance = clientsPerInstance;
        this.baselineWarmup = baselineWarmup;
        this.warmup = warmup;
        this.duration = duration;
    }

    /** The row the report gets where the scenario cannot run (no child platform, no jar, the quick run). */
    public static ScenarioResult notAvailable(String why) {
        return new ScenarioResult(GROUP, NAME).notAvailable(why);
    }

    public void run(Report report) {
        ClosedLoopLoad.Outcome one = ClosedLoopLoad.run("create, one instance", clientsPerInstance, baselineWarmup, duration,
                client -> api.report(firstUrl).isPresent());
        report.add(new ScenarioResult(GROUP, BASELINE)
                .load(String.format(Locale.ROOT, "%d clients, closed loop, POST /api/v1/cases straight at the platform's case"
                        + " service, alone (before the second instance starts)", clientsPerInstance))
                .timing(baselineWarmup.toMillis() / 1000.0, one.seconds())
                .figure("commandsPerSecond", one.throughput())
                .figure("commands", one.completed())
                .figure("errors", one.errors())
                .latency(one.latency()));

        int partitions = TopicEvents.partitionCount(engines.bootstrapServers(), Topics.CASE_EVENTS);
        Path stdout = reportDir.resolve(SECOND_STDOUT);
        long starting = System.nanoTime();
        try (ServiceProcess second = ServiceProcess.start(SERVICE, jar, heap, engines, issuer, FreePorts.find(), partitions,
                stdout, START_TIMEOUT)) {
            double startSeconds = (System.nanoTime() - starting) / 1e9;
            report.add(withSecond(second, one, partitions, startSeconds, stdout));
        }
    }

    private ScenarioResult withSecond(ServiceProcess second, ClosedLoopLoad.Outcome one, int partitions, double startSeconds,
                                      Path stdout) {
        String[] urls = {firstUrl, second.url()};
        Map<TopicPartition, Long> from = TopicEvents.endOffsets(engines.bootstrapServers(), Topics.CASE_EVENTS);
        Queue<String> created = new ConcurrentLinkedQueue<>();
        both(urls, warmup, created); // unmeasured: the second instance's JIT (and a rebalance of each consumer group)

        long projectionLag;
        try (ConsumerLag lag = new ConsumerLag(engines.bootstrapServers())) {
            projectionLag = lag.lag(DrainRateScenario.PROJECTION_GROUP); // the warm-up's, handled in the measured period
        }
        InstanceMetrics[] before = {InstanceMetrics.scrape(urls[0]), InstanceMetrics.scrape(urls[1])};
        ClosedLoopLoad.Outcome[] measured = both(urls, duration, created);
        List<String> cases = List.copyOf(created);
        Published published = settlePublication(cases, from);
        try (ConsumerLag lag = new ConsumerLag(engines.bootstrapServers())) {
            lag.awaitAllCaughtUp(SETTLE); // the projection's work on the measured cases counts in the after-scrape
        }
        InstanceMetrics[] after = {InstanceMetrics.scrape(urls[0]), InstanceMetrics.scrape(urls[1])};
        InstanceWork[] work = {InstanceWork.between(before[0], after[0]), InstanceWork.between(before[1], after[1])};
        List<String> notVisible = notVisible(cases, urls);

        Checks checks = Checks.of(cases, published.events(), published.stored(), notVisible,
                new long[]{measured[0].completed(), measured[1].completed()}, work);
        double total = measured[0].throughput() + measured[1].throughput();
        long completed = measured[0].completed() + measured[1].completed();
        long errors = measured[0].errors() + measured[1].errors();
        ScenarioResult r = new ScenarioResult(GROUP, NAME)
                .load(String.format(Locale.ROOT, "%d clients per instance, closed loop, POST /api/v1/cases straight at each;"
                                + " the second instance from %s (-Xmx%s, pid %d, up in %.1f s), %d partitions per topic,"
                                + " after %d s of unmeasured load on both", clientsPerInstance, jar.getFileName(), heap,
                        second.pid(), startSeconds, partitions, warmup.toSeconds()))
                .timing(warmup.toMillis() / 1000.0, Math.max(measured[0].seconds(), measured[1].seconds()))
                .figure("commandsPerSecond", total)
                .figure("instance1CommandsPerSecond", measured[0].throughput())
                .figure("instance2CommandsPerSecond", measured[1].throughput())
                .figure("oneInstanceCommandsPerSecond", one.throughput())
                .figure("ratioToOneInstance", one.throughput() > 0 ? total / one.throughput() : Double.NaN)
                .figure("commands", completed)
                .figure("errors", errors)
                .figure("secondInstanceStartSeconds", startSeconds)
                .figure("projectionLagAtStart", projectionLag);
        for (int i = 0; i < 2; i++) {
            String n = "instance" + (i + 1);
            r.figure(n + "HttpCalls", work[i].httpCalls())
                    .figure(n + "Published", work[i].published())
                    .figure(n + "ProjectionRecords", work[i].records(PROJECTION))
                    .figure(n + "ConsumerRecords", work[i].records());
        }
        r.figure("casesChecked", cases.size())
                .figure("caseReportedOnce", checks.reportedOnce())
                .figure("eventsOfCasesOnTopic", published.events().size())
                .figure("eventsOfCasesStored", published.stored())
                .figure("republished", OnceCheck.republished(published.events()))
                .figure("notVisible", notVisible.size())
                .figure("checksFailed", checks.failures().size())
                .latency(Latency.merged("create, both instances", measured[0].latency(), measured[1].latency()))
                .latency(named("create, instance 1", measured[0].latency()))
                .latency(named("create, instance 2", measured[1].latency()));
        for (int i = 0; i < 2; i++) {
            r.note(String.format(Locale.ROOT, "instance %d records handled per consumer from the measured period's start until"
                            + " every group caught up after it: %s", i + 1,
                    work[i].recordsByConsumer().isEmpty() ? "none" : work[i].recordsByConsumer()));
        }
        r.note("the case projection was " + projectionLag + " records behind when the measured period started (the warm-up's"
                + " tail, counted in its records above)");
        r.note("the publisher is one tracking processor of one segment: whichever instance holds its token carries every"
                + " event of both to Kafka, the other stands by (its published count 0 is the design, not a failure)");
        r.note("the one-instance figure (" + BASELINE + ") has half the clients of the two-instance run; the command"
                + " scenario's 16-client run is one instance at more clients");
        r.note("second instance's stdout: " + stdout.toAbsolutePath());
        for (int i = 0; i < 2; i++) {
            if (measured[i].firstError() != null) {
                r.note("instance " + (i + 1) + " first error: " + CommandScenario.abbreviate(measured[i].firstError()));
            }
        }
        checks.failures().forEach(r::failed);
        return r;
    }

    private static Latency named(String name, Latency latency) {
        return Latency.merged(name, latency);
    }

    /** Both instances' clients at once, for the same period; every case created (measured or not) goes to created. */
    private ClosedLoopLoad.Outcome[] both(String[] urls, Duration period, Queue<String> created) {
        ExecutorService runs = Executors.newFixedThreadPool(urls.length);
        try {
            List<Future<ClosedLoopLoad.Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < urls.length; i++) {
                String url = urls[i];
                futures.add(runs.submit(() -> ClosedLoopLoad.run("create, instance " + url, clientsPerInstance, Duration.ZERO,
                        period, client -> {
                            Optional<String> id = api.report(url);
                            id.ifPresent(created::add);
                            return id.isPresent();
                        })));
            }
            ClosedLoopLoad.Outcome[] outcomes = new ClosedLoopLoad.Outcome[urls.length];
            for (int i = 0; i < urls.length; i++) {
                outcomes[i] = futures.get(i).get(period.toSeconds() + 300, TimeUnit.SECONDS);
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the load on the two instances failed: " + e, e);
        } finally {
            runs.shutdownNow();
        }
    }

    /** The created cases' events on the topic and their rows in the store, once the two agree and hold still (bounded). */
    record Published(List<TopicEvent> events, long stored) {
    }

    private Published settlePublication(List<String> cases, Map<TopicPartition, Long> from) {
        String jdbc = engines.jdbcUrl("case_service");
        Published[] last = {null};
        Await.until(() -> {
            long storedBefore = EventStoreRows.countOf(jdbc, engines.username(), engines.password(), cases);
            List<TopicEvent> events = OnceCheck.ofKeys(TopicEvents.readFrom(engines.bootstrapServers(), Topics.CASE_EVENTS, from), cases);
            long storedAfter = EventStoreRows.countOf(jdbc, engines.username(), engines.password(), cases);
            last[0] = new Published(events, storedAfter);
            return storedBefore == storedAfter && events.size() >= storedAfter;
        }, SETTLE, Duration.ofSeconds(1));
        return last[0];
    }

    /** The cases not in the read model by the end of the settle, GET by id on both instances in turn. */
    private List<String> notVisible(List<String> cases, String[] urls) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Queue<String> left = new ConcurrentLinkedQueue<>(cases);
        Queue<String> missing = new ConcurrentLinkedQueue<>();
        AtomicLong n = new AtomicLong();
        ExecutorService checkers = Executors.newFixedThreadPool(VISIBILITY_CHECKERS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < VISIBILITY_CHECKERS; t++) {
                futures.add(checkers.submit(() -> {
                    String id;
                    while ((id = left.poll()) != null) {
                        String url = urls[(int) (n.getAndIncrement() % urls.length)];
                        String caseId = id;
                        Duration remaining = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                        boolean seen = Await.until(() -> api.getCase(url, caseId).status() == 200, remaining, Duration.ofMillis(100));
                        if (!seen) {
                            missing.add(caseId);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(SETTLE.toSeconds() + 120, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the read-model check failed: " + e, e);
        } finally {
            checkers.shutdownNow();
        }
        return List.copyOf(missing);
    }

    /**
     * The scenario's checks over what was read, pure (the unit tests' subject).
     *
     * @param reportedOnce cases whose {@code CaseReported} is on the topic exactly once
     * @param failures     each failed check, in words; empty when nothing was done twice or lost and the work split
     */
    record Checks(long reportedOnce, List<String> failures) {

        static Checks of(List<String> cases, List<TopicEvent> eventsOfCases, long storedOfCases, List<String> notVisible,
                         long[] completed, InstanceWork[] work) {
            List<String> failures = new ArrayList<>();
            Map<String, Long> reported = OnceCheck.countByKey(eventsOfCases, "CaseReported");
            List<String> missing = OnceCheck.missing(cases, reported);
            List<String> twice = OnceCheck.moreThanOnce(cases, reported);
            if (!missing.isEmpty()) {
                failures.add(missing.size() + " of " + cases.size() + " created cases have no CaseReported on the case topic, e.g. "
                        + missing.get(0));
            }
            if (!twice.isEmpty()) {
                failures.add(twice.size() + " created cases have their CaseReported on the case topic more than once, e.g. "
                        + twice.get(0));
            }
            failures.addAll(OnceCheck.againstStore("the created cases' events", eventsOfCases, storedOfCases));
            if (!notVisible.isEmpty()) {
                failures.add(notVisible.size() + " created cases are not in the read model after " + SETTLE.toSeconds()
                        + " s, e.g. " + notVisible.get(0));
            }
            for (int i = 0; i < work.length; i++) {
                if (completed[i] == 0) {
                    failures.add("instance " + (i + 1) + " created no case in the measured period");
                }
                if (work[i].httpCalls() < completed[i]) {
                    failures.add(String.format(Locale.ROOT, "instance %d counted %.0f HTTP calls for %d creates its clients saw answered",
                            i + 1, work[i].httpCalls(), completed[i]));
                }
                if (work[i].records(PROJECTION) <= 0) {
                    failures.add("instance " + (i + 1) + " handled no record of the " + PROJECTION
                            + ": its consumer group gave it no partition");
                }
            }
            return new Checks(cases.size() - missing.size() - twice.size(), List.copyOf(failures));
        }
    }
}
