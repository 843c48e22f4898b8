package cn.changning.governance.systemtests.fuzz;

import cn.changning.governance.systemtests.fuzz.FuzzRunner.Result;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a fuzz run found: counts by status, by operation and by mutation kind, and every failure grouped by the check
 * it failed (operation, mutation, status, the first 200 characters of the answer).
 */
public final class FuzzReport {

    private final long seed;
    private final List<Result> results;

    public FuzzReport(long seed, List<Result> results) {
        this.seed = seed;
        this.results = results;
    }

    public List<Result> failures() {
        return results.stream().filter(r -> !r.failures().isEmpty()).toList();
    }

    /** Failures by the check they failed; a request failing two checks is in both groups. */
    public Map<String, List<Result>> failuresByCheck() {
        Map<String, List<Result>> groups = new TreeMap<>();
        for (Result r : failures()) {
            r.failures().forEach(f -> groups.computeIfAbsent(f, k -> new java.util.ArrayList<>()).add(r));
        }
        return groups;
    }

    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append("\n==== fuzz run: ").append(results.size()).append(" requests, seed ").append(seed)
                .append(" (-Dfuzz.seed=").append(seed).append(" repeats it) ====\n");
        b.append("by status: ").append(count(r -> String.valueOf(r.status()))).append('\n');
        b.append("by verdict and status: ").append(count(r -> r.request().verdict() + " " + r.status())).append('\n');
        b.append("\nby operation (status: count):\n");
        table(b, r -> r.request().operation().service() + " " + r.request().operation().id());
        b.append("\nby mutation kind (status: count):\n");
        table(b, r -> r.request().kind());
        b.append("\nfailures by check:\n");
        failuresByCheck().forEach((check, list) -> b.append(String.format("  %-40s %6d%n", check, list.size())));
        b.append("\nfailures by check and mutation kind:\n");
        failuresByCheck().forEach((check, list) -> {
            b.append("  ").append(check).append(":\n");
            list.stream().collect(Collectors.groupingBy(r -> r.request().kind(), TreeMap::new, Collectors.counting()))
                    .forEach((kind, n) -> b.append(String.format("      %-38s %6d   e.g. %s%n", kind, n,
                            line(list.stream().filter(r -> r.request().kind().equals(kind)).findFirst().orElseThrow()))));
        });
        return b.toString();
    }

    /** Every failure, one line each, grouped by check. */
    public String failureList() {
        StringBuilder b = new StringBuilder();
        failuresByCheck().forEach((check, list) -> {
            b.append("\n== ").append(check).append(" (").append(list.size()).append(")\n");
            list.forEach(r -> b.append("  ").append(line(r)).append('\n'));
        });
        return b.toString();
    }

    /** The failures by check with a few examples each, for the assertion message. */
    public String assertionMessage(int examplesPerCheck) {
        StringBuilder b = new StringBuilder(failures().size() + " of " + results.size() + " fuzz requests failed (seed " + seed + "):\n");
        failuresByCheck().forEach((check, list) -> {
            b.append("- ").append(check).append(": ").append(list.size()).append('\n');
            list.stream().collect(Collectors.toMap(r -> r.request().kind(), r -> r, (x, y) -> x, TreeMap::new)).values().stream()
                    .limit(examplesPerCheck).forEach(r -> b.append("    ").append(line(r)).append('\n'));
        });
        return b.toString();
    }

    static String line(Result r) {
        String body = r.body().replaceAll("\\s+", " ");
        body = body.length() > 200 ? body.substring(0, 200) + "…" : body;
        return r.request().operation().id() + " [" + r.request().kind() + ": " + printable(r.request().detail()) + "] -> "
                + r.status() + " " + r.contentType() + " " + printable(body);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c)));
        return b.toString();
    }

    private String count(Function<Result, String> key) {
        return results.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting())).toString();
    }

    private void table(StringBuilder b, Function<Result, String> key) {
        results.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                        Collectors.groupingBy(r -> String.valueOf(r.status()), TreeMap::new, Collectors.counting())))
                .forEach((k, byStatus) -> b.append(String.format("  %-75s %s%n", k, byStatus)));
    }
}
