package cn.changning.governance.benchmarks.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one benchmark run measured: environment, scenario results in run order, goals. */
public final class Report {

    private final Instant startedAt = Instant.now();
    private final Map<String, Object> environment = new LinkedHashMap<>();
    private final List<ScenarioResult> results = new ArrayList<>();
    private final List<Goal> goals = new ArrayList<>();

    public Map<String, Object> environment() { return environment; }
    public List<ScenarioResult> results() { return results; }
    public List<Goal> goals() { return goals; }
    public Instant startedAt() { return startedAt; }

    public synchronized ScenarioResult add(ScenarioResult result) {
        results.add(result);
        return result;
    }

    public void goal(Goal goal) {
        goals.add(goal);
    }

    public Optional<ScenarioResult> find(String group, String name) {
        return results.stream().filter(r -> r.group().equals(group) && r.name().equals(name)).findFirst();
    }

    /** A figure of a scenario, NaN if it is missing or the scenario did not run. */
    public double figure(String group, String name, String key) {
        return find(group, name).filter(r -> r.status() == ScenarioResult.Status.OK).map(r -> r.number(key)).orElse(Double.NaN);
    }
}
