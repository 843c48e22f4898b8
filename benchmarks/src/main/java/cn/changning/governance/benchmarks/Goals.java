package cn.changning.governance.benchmarks;

import cn.changning.governance.benchmarks.core.Goal;
import cn.changning.governance.benchmarks.core.Report;
import cn.changning.governance.benchmarks.scenarios.AssessmentRescoringScenario;
import cn.changning.governance.benchmarks.scenarios.CommandScenario;
import cn.changning.governance.benchmarks.scenarios.GrowthScenario;
import cn.changning.governance.benchmarks.scenarios.PublicationScenario;
import cn.changning.governance.benchmarks.scenarios.RawLimits;
import cn.changning.governance.benchmarks.scenarios.ReplayScenario;
import cn.changning.governance.benchmarks.scenarios.VisibilityLagScenario;

import java.util.Locale;

/** The goals of issue 5, each against a raw limit measured in the same run or a fixed bound. */
final class Goals {

    private Goals() {
    }

    static void evaluate(Report report, BenchmarkOptions.Sizes sizes) {
        double pg4 = report.figure(RawLimits.GROUP, RawLimits.PG_4, "rowsPerSecond");
        double producer = report.figure(RawLimits.GROUP, RawLimits.KAFKA_PRODUCER, "recordsPerSecond");
        double mongo = report.figure(RawLimits.GROUP, RawLimits.MONGO, "documentsPerSecond");

        report.goal(Goal.atLeastRatio("creates via gateway, 4 clients", "≥ 0.25 × raw durable inserts (4 threads)",
                report.figure(CommandScenario.GROUP, CommandScenario.createName("gateway", 4), "commandsPerSecond"), pg4, 0.25,
                "commands/s vs rows/s; a create is one Axon unit of work: HTTP, gateway hop, JSON, command bus, one event INSERT + commit"));
        report.goal(Goal.atLeastRatio("publication", "≥ 0.30 × raw producer throughput",
                report.figure(PublicationScenario.GROUP, PublicationScenario.NAME, "eventsPerSecond"), producer, 0.30,
                "events/s from the store to Kafka vs records/s of a bare producer; the publisher reads the store in batches of up to 500 and waits for acks before its token moves"));
        report.goal(Goal.atLeastRatio("replay", "≥ 0.50 × raw Mongo bulk upserts",
                report.figure(ReplayScenario.GROUP, ReplayScenario.NAME, "eventsPerSecond"), mongo, 0.50,
                "events/s into the case read model vs documents/s of bare bulk upserts; per batch the projection reads the cases and its partitions' counts, writes the moves between buckets, then the cases"));
        for (String label : new String[]{"20/s", "10% of peak", "50% of peak"}) {
            report.goal(Goal.atMost("visibility lag p99 at " + label, "≤ 100 ms",
                    report.figure(VisibilityLagScenario.GROUP, VisibilityLagScenario.name(label), "visibilityP99Ms"), 100,
                    "2xx of the create to the first 200 of GET /api/v1/cases/{id} (polled from 5 ms on, backing off)"));
        }
        report.goal(Goal.atMost("command p99 at 50% of peak", "≤ 50 ms",
                report.figure(VisibilityLagScenario.GROUP, VisibilityLagScenario.name("50% of peak"), "commandP99Ms"), 50,
                "creates via the gateway at half the measured peak rate, measured from their due time"));
        double empty = report.figure(GrowthScenario.GROUP, GrowthScenario.EMPTY, "fileP99Ms");
        double grown = report.figure(GrowthScenario.GROUP, GrowthScenario.GROWN, "fileP99Ms");
        double emptyCreate = report.figure(GrowthScenario.GROUP, GrowthScenario.EMPTY, "createP99Ms");
        double grownCreate = report.figure(GrowthScenario.GROUP, GrowthScenario.GROWN, "createP99Ms");
        double stored = report.figure(GrowthScenario.GROUP, GrowthScenario.GROWN, "storedEvents");
        String requirement = String.format(Locale.ROOT, "≤ 1.2 × empty store's p99 (%,.0f events stored%s)", stored,
                sizes.growthEvents() < 5_000_000 ? ", reduced from 5,000,000" : "");
        report.goal(Goal.atMost("command p99 grown store (create)", requirement, grownCreate, 1.2 * emptyCreate,
                String.format(Locale.ROOT, "create p99 %.1f ms grown vs %.1f ms empty", grownCreate, emptyCreate)));
        report.goal(Goal.atMost("command p99 grown store (file)", requirement, grown, 1.2 * empty,
                String.format(Locale.ROOT, "file (loads the case from the store) p99 %.1f ms grown vs %.1f ms empty", grown, empty)));
        assessment(report);
    }

    /**
     * Issue 13: "a year of the whole district re-scored in seconds". Two readings, both reported, never asserted: the
     * what-if as the service runs it (from the inputs recorded with each score: 80 cards re-scored and both rankings
     * compared), and a re-score from the year's facts (reading every fact of the year from Mongo, then scoring).
     */
    static void assessment(Report report) {
        double p50 = report.figure(AssessmentRescoringScenario.GROUP, AssessmentRescoringScenario.NAME, "rescoreYearP50Ms") / 1000;
        double max = report.figure(AssessmentRescoringScenario.GROUP, AssessmentRescoringScenario.NAME, "rescoreYearMaxMs") / 1000;
        double whatIf = report.figure(AssessmentRescoringScenario.GROUP, AssessmentRescoringScenario.NAME, "whatIfP50Ms") / 1000;
        double cases = report.figure(AssessmentRescoringScenario.GROUP, AssessmentRescoringScenario.NAME, "cases");
        report.goal(Goal.atMost("what-if re-score of a year", String.format(Locale.ROOT, "≤ 5 s (p50; %,.0f cases)", cases), whatIf, 5,
                "seconds: 70 agency and 10 street cards re-scored from their recorded inputs at satisfaction 20, both rankings compared"));
        report.goal(Goal.atMost("re-score a year from its facts", String.format(Locale.ROOT, "≤ 5 s (p50; %,.0f cases' events)", cases), p50, 5,
                String.format(Locale.ROOT, "seconds: indicators of the year from Mongo + 80 score cards + what-if at satisfaction 20; max %.2f s", max)));
    }
}
