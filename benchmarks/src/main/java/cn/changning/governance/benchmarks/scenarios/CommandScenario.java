package cn.changning.governance.benchmarks.scenarios;

import cn.changning.governance.benchmarks.core.ClosedLoopLoad;
import cn.changning.governance.benchmarks.core.Http;
import cn.changning.governance.benchmarks.core.Report;
import cn.changning.governance.benchmarks.core.ScenarioResult;
import cn.changning.governance.benchmarks.support.CaseApi;

import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Scenario 2: commands with 4 and 16 concurrent clients (closed loop), straight to the case
 * service and through the gateway. Creates are {@code POST /api/v1/cases}; the transition is
 * filing ({@code POST /api/v1/cases/{id}/file}), which loads the case from its events, checks it
 * against the catalogue and geography and appends one event. Filed cases are then dispatched by
 * the platform's policies in the background, as they would be in production.
 */
public final class CommandScenario {

    public static final String GROUP = "2 commands";

    private final CaseApi api;
    private final Duration warmup;
    private final Duration duration;
    /** Cases created by the create runs: the transition runs file them. */
    private final Queue<String> reported = new ConcurrentLinkedQueue<>();

    public CommandScenario(CaseApi api, Duration warmup, Duration duration) {
        this.api = api;
        this.warmup = warmup;
        this.duration = duration;
    }

    public static String createName(String via, int clients) {
        return "create via " + via + ", " + clients + " clients";
    }

    public void creates(Report report, String via, String baseUrl, int clients) {
        ClosedLoopLoad.Outcome o = ClosedLoopLoad.run("create", clients, warmup, duration, client -> {
            Optional<String> id = api.report(baseUrl);
            id.ifPresent(reported::add);
            return id.isPresent();
        });
        report.add(result(createName(via, clients), "POST /api/v1/cases", via, clients, o));
    }

    /**
     * Files cases created before. Whether the platform has transitions at all is asked, not
     * assumed: a fresh case is filed once, and anything but 2xx makes the runs "not available".
     */
    public void transitions(Report report, String via, String baseUrl, int clients) {
        String name = "transition (file) via " + via + ", " + clients + " clients";
        Optional<String> unavailable = probeTransitions(baseUrl);
        if (unavailable.isPresent()) {
            report.add(new ScenarioResult(GROUP, name).notAvailable(unavailable.get()));
            return;
        }
        ClosedLoopLoad.Outcome o = ClosedLoopLoad.run("file", clients, warmup, duration, client -> {
            String id = reported.poll();
            if (id == null) {
                throw new IllegalStateException("no reported case left to file: the create runs made too few");
            }
            return api.file(baseUrl, id).ok();
        });
        report.add(result(name, "POST /api/v1/cases/{id}/file on a case reported earlier", via, clients, o));
    }

    private Optional<String> probeTransitions(String baseUrl) {
        Optional<String> id = api.report(baseUrl);
        if (id.isEmpty()) {
            return Optional.of("a case could not be reported to probe the transition endpoint");
        }
        Http.Response r = api.file(baseUrl, id.get());
        return r.ok() ? Optional.empty()
                : Optional.of("POST /api/v1/cases/{id}/file answered " + r.status() + " " + abbreviate(r.body()));
    }

    private ScenarioResult result(String name, String request, String via, int clients, ClosedLoopLoad.Outcome o) {
        ScenarioResult r = new ScenarioResult(GROUP, name)
                .load(clients + " clients, closed loop, " + request + " via " + via + ", durable store")
                .timing(warmup.toMillis() / 1000.0, o.seconds())
                .figure("commandsPerSecond", o.throughput())
                .figure("commands", o.completed())
                .figure("errors", o.errors())
                .latency(o.latency());
        if (o.firstError() != null) {
            r.note("first error: " + abbreviate(o.firstError()));
        }
        return r;
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
