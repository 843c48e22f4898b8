package cn.changning.governance.benchmarks.instances;

import cn.changning.governance.benchmarks.core.Await;
import cn.changning.governance.benchmarks.core.Http;
import cn.changning.governance.benchmarks.scenarios.FullLoopScenario;
import cn.changning.governance.benchmarks.support.CaseApi;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.localstack.LocalCallers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives the closed loop through a gateway in front of services running as separate processes (two instances of case
 * and dispatch: deploy/separate-processes.sh) and reports what each instance did, from the difference of its own
 * metrics before and after, and whether anything was done twice or lost: every event on Kafka exactly once (by its
 * CloudEvents id) and as many as the service's event store holds, one dispatch order issued per case, every case
 * closed in the read model. Exits 1 when a check fails.
 *
 * <pre>
 *   --gateway URL --issuer URL --kafka HOST:PORT --postgres jdbc:postgresql://HOST:PORT (user postgres/postgres)
 *   --loops N --actors K --instance SERVICE=NAME=MANAGEMENT_URL (repeated: each instance's /actuator/prometheus)
 * </pre>
 */
public final class SeparateProcessesCheck {

    record Instance(String service, String name, String url) {
    }

    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final Map<String, String> options = new HashMap<>();
    private final List<Instance> instances = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        SeparateProcessesCheck check = new SeparateProcessesCheck(args);
        int status = check.run() ? 0 : 1;
        System.exit(status); // the HTTP and Kafka clients leave non-daemon threads
    }

    SeparateProcessesCheck(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            if (args[i].equals("--instance")) {
                String[] parts = args[i + 1].split("=", 3);
                if (parts.length != 3) {
                    throw new IllegalArgumentException("--instance SERVICE=NAME=URL, got " + args[i + 1]);
                }
                instances.add(new Instance(parts[0], parts[1], parts[2]));
            } else {
                options.put(args[i].substring(2), args[i + 1]);
            }
        }
        for (String required : List.of("gateway", "issuer", "kafka", "postgres")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
    }

    boolean run() throws Exception {
        String gateway = options.get("gateway");
        int loops = Integer.parseInt(options.getOrDefault("loops", "40"));
        int actors = Integer.parseInt(options.getOrDefault("actors", "4"));
        Map<Instance, InstanceMetrics> before = scrapeAll();

        CaseApi api = new CaseApi(new Http(Duration.ofSeconds(60), new LocalCallers(options.get("issuer"), gateway)));
        FullLoopScenario loop = new FullLoopScenario(api, gateway, actors, Duration.ZERO, Duration.ZERO);
        ConcurrentLinkedQueue<String> closed = new ConcurrentLinkedQueue<>();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(actors);
        for (int i = 0; i < loops; i++) {
            pool.submit(() -> {
                try {
                    closed.add(loop.driveOne());
                } catch (RuntimeException e) {
                    firstError.compareAndSet(null, e.getMessage());
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            failures.add("the loops did not finish within 10 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%n%d of %d loops closed in %.1f s (%.1f loops/s)%s%n", closed.size(), loops, seconds,
                closed.size() / seconds, firstError.get() == null ? "" : "; first error: " + firstError.get());
        if (closed.size() != loops) {
            failures.add((loops - closed.size()) + " loops failed; first error: " + firstError.get());
        }

        Map<String, Long> stored = new LinkedHashMap<>();
        Map<String, List<TopicEvent>> published = new LinkedHashMap<>();
        settle(Map.of("case_service", Topics.CASE_EVENTS, "dispatch_service", Topics.DISPATCH_EVENTS), stored, published);
        List<String> notClosed = closed.stream().filter(id -> !closedInReadModel(api, gateway, id)).toList();
        Map<Instance, InstanceMetrics> after = scrapeAll();

        printInstances(before, after);
        checkSplit(before, after);
        checkOnce(stored, published, List.copyOf(closed));
        if (!notClosed.isEmpty()) {
            failures.add(notClosed.size() + " cases are not CLOSED in the read model, e.g. " + notClosed.get(0));
        }
        System.out.println();
        if (failures.isEmpty()) {
            System.out.println("PASS: the work was split between the instances and nothing was done twice or lost.");
            return true;
        }
        failures.forEach(f -> System.out.println("FAIL: " + f));
        return false;
    }

    /** Waits until each service's topic holds as many events as its store (the publisher caught up), or SETTLE passed. */
    private void settle(Map<String, String> topicsByDatabase, Map<String, Long> stored, Map<String, List<TopicEvent>> published) {
        Await.until(() -> {
            boolean caughtUp = true;
            for (Map.Entry<String, String> e : new TreeMap<>(topicsByDatabase).entrySet()) {
                stored.put(e.getValue(), EventStoreRows.count(options.get("postgres") + "/" + e.getKey(), "postgres", "postgres"));
                published.put(e.getValue(), TopicEvents.readAll(options.get("kafka"), e.getValue()));
                caughtUp &= published.get(e.getValue()).size() >= stored.get(e.getValue());
            }
            return caughtUp;
        }, SETTLE, Duration.ofSeconds(1));
    }

    private boolean closedInReadModel(CaseApi api, String gateway, String caseId) {
        return Await.poll(() -> {
            Http.Response r = api.getCase(gateway, caseId);
            return r.status() == 200 && "CLOSED".equals(CaseApi.parse(r.body()).path("step").asText())
                    ? Optional.of(true) : Optional.<Boolean>empty();
        }, Duration.ofSeconds(30), Duration.ofMillis(200)).orElse(false);
    }

    private void printInstances(Map<Instance, InstanceMetrics> before, Map<Instance, InstanceMetrics> after) {
        System.out.println();
        System.out.println("What each instance did during the loops (its own /actuator/prometheus, after minus before):");
        System.out.printf("%-24s %-14s %10s %10s   %s%n", "service", "instance", "HTTP calls", "published", "records handled, per consumer group");
        for (Instance i : instances) {
            InstanceWork work = InstanceWork.between(before.get(i), after.get(i));
            StringBuilder groups = new StringBuilder();
            work.recordsByConsumer().forEach((consumer, n) -> groups.append(String.format(Locale.ROOT, "%s %.0f  ", consumer, n)));
            System.out.printf(Locale.ROOT, "%-24s %-14s %10.0f %10.0f   %s%n", i.service(), i.name(),
                    work.httpCalls(), work.published(), groups.length() == 0 ? "-" : groups.toString().trim());
        }
    }

    /** Every service with two or more instances: each served calls and each handled records of some consumer group. */
    private void checkSplit(Map<Instance, InstanceMetrics> before, Map<Instance, InstanceMetrics> after) {
        Map<String, List<Instance>> byService = new LinkedHashMap<>();
        instances.forEach(i -> byService.computeIfAbsent(i.service(), s -> new ArrayList<>()).add(i));
        byService.forEach((service, those) -> {
            if (those.size() < 2) {
                return;
            }
            for (Instance i : those) {
                InstanceWork work = InstanceWork.between(before.get(i), after.get(i));
                double calls = work.httpCalls();
                double records = work.records();
                if (calls <= 0) {
                    failures.add(i.name() + " (" + service + ") served no call: the gateway did not share the calls");
                }
                if (records <= 0) {
                    failures.add(i.name() + " (" + service + ") handled no record: its consumer groups gave it no partition");
                }
            }
        });
    }

    private void checkOnce(Map<String, Long> stored, Map<String, List<TopicEvent>> published, List<String> cases) {
        System.out.println();
        System.out.println("Events, store against topic:");
        for (Map.Entry<String, List<TopicEvent>> e : published.entrySet()) {
            List<TopicEvent> events = e.getValue();
            System.out.printf("  %-28s stored %6d   on the topic %6d   distinct ids %6d%n", e.getKey(), stored.get(e.getKey()),
                    events.size(), events.size() - OnceCheck.republished(events));
            failures.addAll(OnceCheck.againstStore(e.getKey(), events, stored.get(e.getKey())));
        }
        Map<String, Long> issuedPerOrder = OnceCheck.countByKey(published.getOrDefault(Topics.DISPATCH_EVENTS, List.of()),
                "DispatchOrderIssued");
        List<String> orders = cases.stream().map(c -> c + "-r0").toList();
        long once = orders.size() - OnceCheck.missing(orders, issuedPerOrder).size() - OnceCheck.moreThanOnce(orders, issuedPerOrder).size();
        System.out.printf("  dispatch orders issued once per case: %d of %d cases%n", once, cases.size());
        if (once != cases.size()) {
            failures.add((cases.size() - once) + " cases had no dispatch order or more than one");
        }
    }

    private Map<Instance, InstanceMetrics> scrapeAll() {
        Map<Instance, InstanceMetrics> scraped = new LinkedHashMap<>();
        for (Instance i : instances) {
            scraped.put(i, InstanceMetrics.scrape(i.url()));
        }
        return scraped;
    }
}
