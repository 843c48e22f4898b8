package cn.changning.governance.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole benchmark in quick mode, so the harness cannot rot. It checks that the report
 * is written and that every scenario ran and counted something; it checks no timing goal (those
 * are the full run's business, on a quiet machine).
 */
class QuickBenchmarkTest {

    @Test
    void quickModeWritesTheReportWithEveryScenario() throws Exception {
        Path dir = Path.of("target", "quick-report");
        BenchmarkRunner.run(BenchmarkOptions.parse("--quick", "--report-dir", dir.toString()));

        assertThat(dir.resolve("report.txt")).isNotEmptyFile();
        assertThat(dir.resolve("report.html")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<svg").contains("Goals");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());

        Map<String, JsonNode> scenarios = new HashMap<>();
        json.get("scenarios").forEach(s -> scenarios.put(s.get("group").asText() + " / " + s.get("name").asText(), s));
        assertThat(scenarios.keySet()).noneMatch(k -> k.startsWith("errors"));

        positive(scenarios, "1 raw limits / postgres durable inserts, 1 thread", "rows");
        positive(scenarios, "1 raw limits / postgres durable inserts, 4 threads", "rows");
        positive(scenarios, "1 raw limits / kafka producer acks=all idempotent", "records");
        positive(scenarios, "1 raw limits / kafka consumer", "records");
        positive(scenarios, "1 raw limits / mongo wire server bulk upserts", "documents");
        for (String via : new String[]{"case service", "gateway"}) {
            for (int clients : new int[]{4, 16}) {
                positive(scenarios, "2 commands / create via " + via + ", " + clients + " clients", "commands");
                positive(scenarios, "2 commands / transition (file) via " + via + ", " + clients + " clients", "commands");
            }
        }
        positive(scenarios, "3 publication / burst from the event store to Kafka", "events");
        positive(scenarios, "4 visibility lag / creates at 20/s", "commands");
        positive(scenarios, "4 visibility lag / creates at 10% of peak", "commands");
        positive(scenarios, "4 visibility lag / creates at 50% of peak", "commands");
        positive(scenarios, "4 visibility lag / creates at 100% of peak", "commands");
        assertThat(scenarios.get("4 visibility lag / creates at 100% of peak").get("figures").has("caughtUpAfterLoadSeconds"))
                .as("the catch-up after the peak load is timed").isTrue();
        positive(scenarios, "8 drain / case read model drains a backlog", "backlogEvents", 1_000);
        positive(scenarios, "8 drain / case read model drains a backlog", "eventsPerSecond");
        positive(scenarios, "5 full loop / six steps, concurrent actors", "loops");
        positive(scenarios, "6 replay / case read model from offset 0", "eventsReplayed");
        positive(scenarios, "7 growth / commands, empty store", "storedEvents", 0);
        positive(scenarios, "7 growth / commands, grown store", "storedEvents");
        positive(scenarios, "7 growth / grow the read model", "casesAdded");
        positive(scenarios, "7 growth / queries, read model grown", "rounds");
        positive(scenarios, "7 assessment / re-score a year", "cases");
        positive(scenarios, "7 assessment / re-score a year", "facts");
        positive(scenarios, "7 assessment / re-score a year", "subjectsScored", 80);
        assertThat(scenarios.get("7 assessment / re-score a year").get("figures").get("subjectsMongoDiffersFromMemory").asLong())
                .as("the Mongo path counts what the in-memory fold counts").isZero();

        assertThat(json.get("goals")).hasSize(14);
        json.get("goals").forEach(g -> assertThat(g.get("status").asText()).isIn("MET", "MISSED", "NOT MEASURED"));
    }

    private static void positive(Map<String, JsonNode> scenarios, String key, String figure) {
        positive(scenarios, key, figure, 1);
    }

    private static void positive(Map<String, JsonNode> scenarios, String key, String figure, long atLeast) {
        assertThat(scenarios).as("scenarios in the report").containsKey(key);
        JsonNode s = scenarios.get(key);
        assertThat(s.get("status").asText()).as(key + " status, notes: " + s.get("notes")).isEqualTo("OK");
        assertThat(s.get("figures").get(figure).asLong()).as(key + " " + figure).isGreaterThanOrEqualTo(atLeast);
    }
}
