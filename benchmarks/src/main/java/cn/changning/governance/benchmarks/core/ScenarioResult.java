package cn.changning.governance.benchmarks.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scenario (or one run of a scenario at one load) measured: its stated load, warm-up
 * and duration, its figures, its latency distributions and notes (e.g. a reduced size and why).
 */
public final class ScenarioResult {

    public enum Status { OK, NOT_AVAILABLE, FAILED }

    private final String group;
    private final String name;
    private String load = "";
    private double warmupSeconds;
    private double durationSeconds;
    private Status status = Status.OK;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<Latency> latencies = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public ScenarioResult(String group, String name) {
        this.group = group;
        this.name = name;
    }

    public ScenarioResult load(String load) {
        this.load = load;
        return this;
    }

    public ScenarioResult timing(double warmupSeconds, double durationSeconds) {
        this.warmupSeconds = warmupSeconds;
        this.durationSeconds = durationSeconds;
        return this;
    }

    public ScenarioResult figure(String key, Object value) {
        figures.put(key, value instanceof Double d ? Latency.round(d) : value);
        return this;
    }

    public ScenarioResult latency(Latency latency) {
        latencies.add(latency);
        return this;
    }

    public ScenarioResult note(String note) {
        notes.add(note);
        return this;
    }

    public ScenarioResult notAvailable(String why) {
        status = Status.NOT_AVAILABLE;
        notes.add("not available: " + why);
        return this;
    }

    public ScenarioResult failed(Throwable e) {
        status = Status.FAILED;
        notes.add("failed: " + e);
        return this;
    }

    /** A check of the scenario did not hold: the reason, as the report should say it. */
    public ScenarioResult failed(String why) {
        status = Status.FAILED;
        notes.add("failed: " + why);
        return this;
    }

    public String group() { return group; }
    public String name() { return name; }
    public String loadDescription() { return load; }
    public double warmupSeconds() { return warmupSeconds; }
    public double durationSeconds() { return durationSeconds; }
    public Status status() { return status; }
    public Map<String, Object> figures() { return figures; }
    public List<Latency> latencies() { return latencies; }
    public List<String> notes() { return notes; }

    public double number(String key) {
        Object v = figures.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    public Latency latencyNamed(String name) {
        return latencies.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }
}
