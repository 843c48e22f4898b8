package cn.changning.governance.benchmarks.scenarios;

import cn.changning.governance.benchmarks.core.Await;
import cn.changning.governance.benchmarks.core.ClosedLoopLoad;
import cn.changning.governance.benchmarks.core.Http;
import cn.changning.governance.benchmarks.core.Latency;
import cn.changning.governance.benchmarks.core.Report;
import cn.changning.governance.benchmarks.core.ScenarioResult;
import cn.changning.governance.benchmarks.support.CaseApi;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scenario 5: cases driven through the six steps by concurrent simulated actors, all through the
 * gateway: a resident reports, an operator files, the platform dispatches (the dispatch
 * service's policy issues the order), the agencies accept, the lead reports its handling and
 * assistants confirm, the platform marks the case handled, a supervisor verifies and the operator
 * closes. Each actor runs one case at a time; loops per second is the closed loop's throughput.
 *
 * <p>The loop needs the case lifecycle and the dispatch service. A probe loop runs first; if an
 * endpoint is missing or the platform never dispatches, the scenario is reported "not available"
 * with the step that failed, and no figure is made up.</p>
 */
public final class FullLoopScenario {

    public static final String GROUP = "5 full loop";
    public static final String NAME = "six steps, concurrent actors";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(20);

    private final CaseApi api;
    private final String url;
    private final int actors;
    private final Duration warmup;
    private final Duration duration;
    private final Latency awaitDispatch = new Latency("file to order visible");
    private final Latency awaitHandled = new Latency("order handled to case HANDLED visible");

    public FullLoopScenario(CaseApi api, String gatewayUrl, int actors, Duration warmup, Duration duration) {
        this.api = api;
        this.url = gatewayUrl;
        this.actors = actors;
        this.warmup = warmup;
        this.duration = duration;
    }

    /** A step of the loop that did not answer as the loop needs. */
    static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message);
        }
    }

    public void run(Report report) {
        try {
            loop(false);
        } catch (RuntimeException e) {
            report.add(new ScenarioResult(GROUP, NAME).notAvailable("probe loop failed: " + e.getMessage()));
            return;
        }
        ClosedLoopLoad.Outcome o = ClosedLoopLoad.run("loop", actors, warmup, duration, client -> {
            loop(true);
            return true;
        });
        ScenarioResult r = new ScenarioResult(GROUP, NAME)
                .load(actors + " actors, each driving one case at a time through report, file, dispatch, accept, handle, verify, close via the gateway")
                .timing(warmup.toMillis() / 1000.0, o.seconds())
                .figure("loopsPerSecond", o.throughput())
                .figure("loops", o.completed())
                .figure("errors", o.errors())
                .figure("commandsPerLoop", "6 + 1 accept per agency + 1 confirm per assistant")
                .latency(o.latency())
                .latency(awaitDispatch)
                .latency(awaitHandled);
        if (o.firstError() != null) {
            r.note("first error: " + CommandScenario.abbreviate(o.firstError()));
        }
        report.add(r);
    }

    /** One case through the six steps, unmeasured: its id. For checks that need the loop done, not its figures. */
    public String driveOne() {
        return loop(false);
    }

    private String loop(boolean record) {
        String caseId = api.report(url).orElseThrow(() -> new StepFailed("POST /api/v1/cases did not answer 201"));
        expectOk("file", api.file(url, caseId));
        long filed = System.nanoTime();
        String orderId = caseId + "-r0";
        // Issued in full (issued, routed, clock started: version 2), so its ETag is the one to send.
        JsonNode order = awaitJson("/api/v1/dispatch-orders/" + orderId, n -> n.path("order").path("version").asLong(-1) >= 2,
                "no dispatch order " + orderId + " appeared");
        if (record) {
            awaitDispatch.recordNanos(System.nanoTime() - filed);
        }
        JsonNode summary = order.get("order");
        String lead = summary.get("leadAgencyId").asText();
        // Each action sends the order's version as If-Match: the read model's first, then each answer's ETag.
        String orderVersion = CaseApi.etag(summary.get("version").asLong());
        List<String> assistants = new ArrayList<>();
        for (JsonNode part : summary.get("parts")) {
            String agency = part.get("agencyId").asText();
            orderVersion = expectOk("accept", api.http().post(url + "/api/v1/dispatch-orders/" + orderId + "/accept",
                    "{\"agencyId\":\"" + agency + "\"}", orderVersion));
            if (!agency.equals(lead)) {
                assistants.add(agency);
            }
        }
        orderVersion = expectOk("report handling", api.http().post(url + "/api/v1/dispatch-orders/" + orderId + "/report",
                "{\"agencyId\":\"" + lead + "\",\"result\":\"RESOLVED\",\"note\":\"cleared\"}", orderVersion));
        for (String a : assistants) {
            orderVersion = expectOk("confirm", api.http().post(url + "/api/v1/dispatch-orders/" + orderId + "/confirm",
                    "{\"agencyId\":\"" + a + "\",\"note\":\"done\"}", orderVersion));
        }
        long handled = System.nanoTime();
        JsonNode handledCase = awaitJson("/api/v1/cases/" + caseId, n -> "HANDLED".equals(n.path("step").asText()),
                "case " + caseId + " did not become HANDLED");
        if (record) {
            awaitHandled.recordNanos(System.nanoTime() - handled);
        }
        String caseVersion = expectOk("verify", api.http().post(url + "/api/v1/cases/" + caseId + "/verify",
                "{\"fixed\":true,\"note\":\"checked on site\"}",
                CaseApi.etag(handledCase.get("version").asLong())));
        expectOk("close", api.http().post(url + "/api/v1/cases/" + caseId + "/close",
                "{\"resolution\":\"FIXED\"}", caseVersion));
        return caseId;
    }

    private JsonNode awaitJson(String path, java.util.function.Predicate<JsonNode> ready, String failure) {
        String[] last = {"nothing"};
        Optional<JsonNode> found = Await.poll(() -> {
            Http.Response r = api.http().get(url + path);
            last[0] = Integer.toString(r.status());
            if (r.status() != 200) {
                return Optional.empty();
            }
            JsonNode n = CaseApi.parse(r.body());
            return ready.test(n) ? Optional.of(n) : Optional.empty();
        }, STEP_TIMEOUT, POLL);
        return found.orElseThrow(() -> new StepFailed(failure + " within " + STEP_TIMEOUT.toSeconds() + " s (GET " + path
                + " last answered " + last[0] + ")"));
    }

    /** Checks the step succeeded; its ETag, the If-Match of the next action on the same resource. */
    private static String expectOk(String step, Http.Response r) {
        if (!r.ok()) {
            throw new StepFailed(step + " answered " + r.status() + " " + CommandScenario.abbreviate(r.body()));
        }
        return r.etag();
    }
}
