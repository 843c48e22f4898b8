package cn.changning.governance.benchmarks.scenarios;

import cn.changning.governance.benchmarks.core.ClosedLoopLoad;
import cn.changning.governance.benchmarks.core.Http;
import cn.changning.governance.benchmarks.core.Latency;
import cn.changning.governance.benchmarks.core.Report;
import cn.changning.governance.benchmarks.core.ScenarioResult;
import cn.changning.governance.benchmarks.support.CaseApi;
import cn.changning.governance.benchmarks.support.EventStoreSeeder;
import cn.changning.governance.benchmarks.support.ReadModelSeeder;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 7: does the platform slow down as it grows?
 *
 * <ul>
 *   <li>Commands: 4 clients straight at the case service, each reporting a case and filing it
 *       (a create, and a transition that loads the case from the store), once on the store as the
 *       run starts (empty), once after the store was grown to the requested size.</li>
 *   <li>The store is grown with COPY (see {@link EventStoreSeeder}) below the indexes every
 *       tracking processor has passed: history that was published long ago, as in a store
 *       that grew over years. Then ANALYZE and a CHECKPOINT, so the bulk load's own write-back
 *       does not fall into the measurement.</li>
 *   <li>Queries: a filtered, sorted, counted list page and the dashboard counts, through the
 *       gateway, on the read model as the run left it and after it was filled with the requested
 *       number of cases (see {@link ReadModelSeeder}).</li>
 * </ul>
 */
public final class GrowthScenario {

    public static final String GROUP = "7 growth";
    public static final String EMPTY = "commands, empty store";
    public static final String GROWN = "commands, grown store";
    static final String LIST_QUERY = "/api/v1/cases?step=FILED&street=310105006&class=EVENT&size=20";
    static final String DASHBOARD_QUERY = "/api/v1/cases/stats";
    private static final Duration QUERY_BUDGET = Duration.ofMinutes(1);

    private final CaseApi api;
    private final String caseServiceUrl;
    private final String gatewayUrl;
    private final Duration warmup;
    private final Duration duration;

    public GrowthScenario(CaseApi api, String caseServiceUrl, String gatewayUrl, Duration warmup, Duration duration) {
        this.api = api;
        this.caseServiceUrl = caseServiceUrl;
        this.gatewayUrl = gatewayUrl;
        this.duration = duration;
        this.warmup = warmup;
    }

    /**
     * The same load, not measured: the stack's code is compiled by the JIT under load before the
     * empty store is measured, or the grown store (measured later, on warm code) would look faster
     * than the empty one. A few hundred events stored are still an empty store next to millions.
     * Half of the clients go through the gateway and read the case back: the gateway's and the read side's code is
     * measured warm too (a JVM that starts six applications still compiles after a minute of load).
     */
    public void warmUp(Duration duration) {
        ClosedLoopLoad.run("warm-up", 4, Duration.ZERO, duration, client -> {
            String url = client % 2 == 0 ? caseServiceUrl : gatewayUrl;
            return api.report(url).map(id -> {
                boolean filed = api.file(url, id).ok();
                api.getCase(gatewayUrl, id); // may not be visible yet: a 404 warms the same code
                return filed;
            }).orElse(false);
        });
    }

    public void commands(Report report, String name, long storedEvents) {
        Latency create = new Latency("create");
        Latency file = new Latency("file (loads the case)");
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        ClosedLoopLoad.Outcome o = ClosedLoopLoad.run("grow", 4, warmup, duration, client -> {
            long t0 = System.nanoTime();
            Optional<String> id = api.report(caseServiceUrl);
            long t1 = System.nanoTime();
            if (id.isEmpty()) {
                return false;
            }
            boolean filed = api.file(caseServiceUrl, id.get()).ok();
            long t2 = System.nanoTime();
            if (t2 >= measureFrom && t2 <= end) {
                create.recordNanos(t1 - t0);
                if (filed) {
                    file.recordNanos(t2 - t1);
                }
            }
            return filed;
        });
        ScenarioResult r = new ScenarioResult(GROUP, name)
                .load(String.format("4 clients, closed loop, report + file straight at the case service; %,d events in the store",
                        storedEvents))
                .timing(warmup.toMillis() / 1000.0, o.seconds())
                .figure("storedEvents", storedEvents)
                .figure("commandsPerSecond", 2 * o.throughput())
                .figure("createP99Ms", create.percentileMs(99))
                .figure("fileP99Ms", file.percentileMs(99))
                .figure("errors", o.errors())
                .latency(create)
                .latency(file);
        if (o.firstError() != null) {
            r.note("first error: " + CommandScenario.abbreviate(o.firstError()));
        }
        report.add(r);
    }

    /**
     * Grows the store by {@code events} new cases' first events, in chunks of 250,000 rows (one
     * transaction each) on two connections (PostgreSQL works a COPY on one core; the machine has
     * two), stopping early when {@code timeCap} is spent so the run keeps to its time; the report
     * then says how far it got and what the full size would have taken.
     */
    public void growStore(Report report, EventStoreSeeder store, EventStoreSeeder.Template template, long events,
                          Duration timeCap) {
        long start = System.nanoTime();
        long deadline = start + timeCap.toNanos();
        long chunk = 250_000;
        long chunks = (events + chunk - 1) / chunk;
        AtomicLong next = new AtomicLong();
        AtomicLong added = new AtomicLong();
        Instant time = Instant.now().minus(Duration.ofDays(365));
        Runnable copier = () -> {
            for (long k = next.getAndIncrement(); k < chunks && System.nanoTime() < deadline; k = next.getAndIncrement()) {
                long n = Math.min(chunk, events - k * chunk);
                // Chunk k takes the indexes just below -k × chunk: every chunk its own range, all below 0.
                store.copy(template, String.format("a5a5%04x", k), n, -k * chunk, time);
                added.addAndGet(n);
            }
        };
        CompletableFuture<Void> second = CompletableFuture.runAsync(copier);
        copier.run();
        second.join();
        long done = added.get();
        double copySeconds = (System.nanoTime() - start) / 1e9;
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            s.execute("ANALYZE domain_event_entry");
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ScenarioResult r = new ScenarioResult(GROUP, "grow the event store")
                .load(String.format("%,d CaseReported rows asked, by COPY in 250k-row transactions, global indexes below every processor's token", events))
                .timing(0, seconds)
                .figure("rowsAdded", done)
                .figure("rowsPerSecond", done / copySeconds)
                .figure("storeRows", store.count())
                .note("seeding cost, not a goal: COPY, then ANALYZE and CHECKPOINT");
        if (done < events) {
            r.note(String.format("SIZE REDUCED: %,d of %,d rows added; the time cap of %d s was reached (at %,.0f rows/s the full size would take %,.0f s)",
                    done, events, timeCap.toSeconds(), done / copySeconds, events / (done / copySeconds)));
        }
        report.add(r);
    }

    /** Adds up to {@code cases} case documents (fewer if the time cap is spent first); returns how many. */
    public long growReadModel(Report report, String mongoUri, long cases, Duration timeCap) {
        long start = System.nanoTime();
        long added = new ReadModelSeeder().seed(mongoUri, "case_service", cases, timeCap);
        double seconds = (System.nanoTime() - start) / 1e9;
        ScenarioResult r = new ScenarioResult(GROUP, "grow the read model")
                .load(String.format("%,d case documents asked, by bulk insert (10,000 per write) plus their stats buckets", cases))
                .timing(0, seconds)
                .figure("casesAdded", added)
                .figure("documentsPerSecond", added / seconds)
                .note("seeding cost, not a goal");
        if (added < cases) {
            r.note(String.format("SIZE REDUCED: %,d of %,d cases added; the time cap of %d s was reached (at %,.0f documents/s the full size would take %,.0f s)",
                    added, cases, timeCap.toSeconds(), added / seconds, cases / (added / seconds)));
        }
        report.add(r);
        return added;
    }

    /**
     * Sequential rounds of the two queries. A query that times out is counted and recorded at the
     * client's timeout (it took at least that); no round starts after a minute, so a read model
     * that has outgrown its store cannot hold the run for long.
     */
    public void queries(Report report, String name, int repetitions, String casesDescription) {
        Latency list = new Latency("list page (filter, sort, count)");
        Latency dashboard = new Latency("dashboard counts");
        long total = -1;
        long timeouts = 0;
        int rounds = 0;
        boolean coldOnly = false;
        long start = System.nanoTime();
        for (int i = 0; i < repetitions + 1; i++) {
            Timed l = timed(gatewayUrl + LIST_QUERY);
            Timed d = timed(gatewayUrl + DASHBOARD_QUERY);
            timeouts += (l.ok() ? 0 : 1) + (d.ok() ? 0 : 1);
            if (d.ok() && total < 0) {
                total = CaseApi.parse(d.body()).path("total").asLong(-1);
            }
            boolean overBudget = System.nanoTime() - start > QUERY_BUDGET.toNanos();
            // The first good round warms caches and JIT, unless the budget leaves no other.
            if (i > 0 || !l.ok() || !d.ok() || overBudget) {
                list.recordNanos(l.nanos());
                dashboard.recordNanos(d.nanos());
                rounds++;
                coldOnly = i == 0;
            }
            if (overBudget) {
                break;
            }
        }
        ScenarioResult r = new ScenarioResult(GROUP, name)
                .load(repetitions + " sequential rounds (none started after a minute) of GET " + LIST_QUERY
                        + " and GET " + DASHBOARD_QUERY + " via the gateway, " + casesDescription)
                .timing(0, (System.nanoTime() - start) / 1e9)
                .figure("casesCounted", total)
                .figure("rounds", rounds)
                .figure("listP50Ms", list.percentileMs(50))
                .figure("dashboardP50Ms", dashboard.percentileMs(50))
                .figure("timeoutsOrErrors", timeouts)
                .latency(list)
                .latency(dashboard);
        if (timeouts > 0) {
            r.note(timeouts + " request(s) failed or timed out; recorded at the time they took");
        }
        if (coldOnly) {
            r.note("one round only, the first (its time was over the one-minute budget): cold caches included");
        }
        report.add(r);
    }

    private record Timed(boolean ok, String body, long nanos) {
    }

    private Timed timed(String url) {
        long t0 = System.nanoTime();
        try {
            Http.Response response = api.http().get(url);
            return new Timed(response.ok(), response.body(), System.nanoTime() - t0);
        } catch (RuntimeException e) {
            return new Timed(false, null, System.nanoTime() - t0);
        }
    }
}
