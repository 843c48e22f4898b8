package cn.changning.governance.benchmarks.scenarios;

import cn.changning.governance.benchmarks.core.Await;
import cn.changning.governance.benchmarks.core.Latency;
import cn.changning.governance.benchmarks.core.Report;
import cn.changning.governance.benchmarks.core.ScenarioResult;
import cn.changning.governance.benchmarks.support.ConsumerBinding;
import cn.changning.governance.benchmarks.support.ConsumerLag;
import cn.changning.governance.benchmarks.support.EventStoreSeeder;
import cn.changning.governance.contracts.Topics;

import java.time.Duration;
import java.time.Instant;

/**
 * Scenario 8 (issue 16): how fast the read side drains a backlog. The case projection's binding is paused (its
 * consumer stays in the group and fetches nothing); a burst of new cases' {@code CaseReported} is committed to the
 * event store in one transaction, as in the publication scenario, and the service's own publisher carries it to
 * Kafka, so the backlog is the platform's own events on its own topic. Once all of it is on the topic, the binding is
 * resumed and the group's lag (Kafka's committed offsets) is polled until it is 0.
 *
 * <p>Drain rate = the group's lag at the resume / (lag 0 − resume). It includes the resume itself (the consumer's
 * next poll) and the poll's resolution; the other consumers of the topic (duplicate policy, the assessment's
 * indicators) are not paused and share the machine while the projection drains, as they would in production.</p>
 */
public final class DrainRateScenario {

    public static final String GROUP = "8 drain";
    public static final String NAME = "case read model drains a backlog";
    /** The case projection's consumer group (CaseServiceConfiguration). */
    static final String PROJECTION_GROUP = "case-service.case-projection";
    private static final String ID_PREFIX = "d0d0d0d0";
    private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(50);

    private final EventStoreSeeder store;
    private final String bootstrapServers;
    private final ConsumerBinding projection;
    private final int events;

    public DrainRateScenario(EventStoreSeeder store, String bootstrapServers, ConsumerBinding projection, int events) {
        this.store = store;
        this.bootstrapServers = bootstrapServers;
        this.projection = projection;
        this.events = events;
    }

    public void run(Report report, EventStoreSeeder.Template template) {
        try (ConsumerLag lag = new ConsumerLag(bootstrapServers)) {
            long lagBefore = lag.lag(PROJECTION_GROUP);
            long topicBefore = lag.endOffsets(Topics.CASE_EVENTS);
            projection.pause();
            long backlog;
            long resumed;
            double publishSeconds;
            try {
                long committed = System.nanoTime();
                store.copy(template, ID_PREFIX, events, null, Instant.now());
                boolean published = Await.until(() -> lag.endOffsets(Topics.CASE_EVENTS) >= topicBefore + events,
                        PUBLISH_TIMEOUT, Duration.ofMillis(100));
                publishSeconds = (System.nanoTime() - committed) / 1e9;
                if (!published) {
                    throw new IllegalStateException("the burst of " + events + " events did not reach Kafka within "
                            + PUBLISH_TIMEOUT.toMinutes() + " minutes");
                }
                backlog = lag.lag(PROJECTION_GROUP);
            } finally {
                resumed = System.nanoTime();
                projection.resume(); // also when the burst failed: a paused projection would stall every later scenario
            }
            boolean drained = Await.until(() -> lag.lag(PROJECTION_GROUP) == 0, DRAIN_TIMEOUT, POLL);
            long end = System.nanoTime();
            double seconds = (end - resumed) / 1e9;
            Latency drain = new Latency("resume to lag 0");
            drain.recordNanos(end - resumed);
            ScenarioResult result = new ScenarioResult(GROUP, NAME)
                    .load(String.format("case projection paused; %,d CaseReported committed in one transaction (COPY) and published"
                            + " by the case service's publisher (%.1f s); resumed; group %s's lag polled every %d ms",
                            events, publishSeconds, PROJECTION_GROUP, POLL.toMillis()))
                    .timing(0, seconds)
                    .figure("backlogEvents", backlog)
                    .figure("lagBeforePause", lagBefore)
                    .figure("drainSeconds", seconds)
                    .latency(drain);
            if (drained) {
                result.figure("eventsPerSecond", backlog / seconds);
            } else {
                result.note("the backlog was not drained within " + DRAIN_TIMEOUT.toMinutes() + " minutes: "
                        + lag.lag(PROJECTION_GROUP) + " events left");
            }
            if (lagBefore > 0) {
                result.note("behind just before the pause: " + lagBefore + " event(s), in the backlog if still behind at the resume");
            }
            report.add(result);
        }
    }
}
