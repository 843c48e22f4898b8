package cn.changning.governance.benchmarks.instances;

import cn.changning.governance.benchmarks.core.Await;
import cn.changning.governance.benchmarks.core.Http;
import cn.changning.governance.benchmarks.scenarios.FullLoopScenario;
import cn.changning.governance.benchmarks.support.CaseApi;
import cn.changning.governance.contracts.EventHeaders;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.localstack.LocalCallers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
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

    /** What one event on a topic says about itself. */
    record TopicEvent(String id, String type, String key) {
    }

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final HttpClient SCRAPER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
                stored.put(e.getValue(), storedEvents(e.getKey()));
                published.put(e.getValue(), read(e.getValue()));
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
            Map<String, Double> consumed = delta(before.get(i).sumBy("governance_consumer_events_total", "consumer"),
                    after.get(i).sumBy("governance_consumer_events_total", "consumer"));
            StringBuilder groups = new StringBuilder();
            consumed.forEach((consumer, n) -> groups.append(String.format(Locale.ROOT, "%s %.0f  ", consumer, n)));
            System.out.printf(Locale.ROOT, "%-24s %-14s %10.0f %10.0f   %s%n", i.service(), i.name(),
                    httpCalls(after.get(i)) - httpCalls(before.get(i)), published(after.get(i)) - published(before.get(i)),
                    groups.length() == 0 ? "-" : groups.toString().trim());
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
                double calls = httpCalls(after.get(i)) - httpCalls(before.get(i));
                double records = after.get(i).sum("governance_consumer_events_total", l -> true)
                        - before.get(i).sum("governance_consumer_events_total", l -> true);
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
            long distinct = events.stream().map(TopicEvent::id).distinct().count();
            System.out.printf("  %-28s stored %6d   on the topic %6d   distinct ids %6d%n", e.getKey(), stored.get(e.getKey()),
                    events.size(), distinct);
            if (distinct != events.size()) {
                failures.add(e.getKey() + ": " + (events.size() - distinct) + " events published more than once");
            }
            if (events.size() != stored.get(e.getKey())) {
                failures.add(e.getKey() + ": " + stored.get(e.getKey()) + " events stored but " + events.size() + " on the topic");
            }
        }
        Map<String, Long> issuedPerOrder = new HashMap<>();
        published.getOrDefault(Topics.DISPATCH_EVENTS, List.of()).stream()
                .filter(ev -> ev.type() != null && ev.type().contains("DispatchOrderIssued"))
                .forEach(ev -> issuedPerOrder.merge(ev.key(), 1L, Long::sum));
        long once = cases.stream().filter(c -> issuedPerOrder.getOrDefault(c + "-r0", 0L) == 1).count();
        System.out.printf("  dispatch orders issued once per case: %d of %d cases%n", once, cases.size());
        if (once != cases.size()) {
            failures.add((cases.size() - once) + " cases had no dispatch order or more than one");
        }
    }

    /** Events the instance's store-to-Kafka publisher handled (Axon's counter of its tracking processor). */
    private static double published(InstanceMetrics metrics) {
        return metrics.sum("eventProcessor_successCounter_total", l -> "kafka-publisher".equals(l.get("processorName")));
    }

    private static double httpCalls(InstanceMetrics metrics) {
        return metrics.sum("http_server_requests_seconds_count", l -> !l.getOrDefault("uri", "").startsWith("/actuator"));
    }

    private static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> d = new TreeMap<>();
        after.forEach((k, v) -> {
            double n = v - before.getOrDefault(k, 0.0);
            if (n > 0) {
                d.put(k, n);
            }
        });
        return d;
    }

    private Map<Instance, InstanceMetrics> scrapeAll() throws Exception {
        Map<Instance, InstanceMetrics> scraped = new LinkedHashMap<>();
        for (Instance i : instances) {
            HttpResponse<String> r = SCRAPER.send(HttpRequest.newBuilder(URI.create(i.url() + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(i.url() + "/actuator/prometheus answered " + r.statusCode());
            }
            scraped.put(i, InstanceMetrics.parse(r.body()));
        }
        return scraped;
    }

    private long storedEvents(String database) {
        try (Connection c = DriverManager.getConnection(options.get("postgres") + "/" + database, "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the events of " + database, e);
        }
    }

    /** Every record of the topic, from the beginning to its end now (no consumer group: nothing committed). */
    private List<TopicEvent> read(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.get("kafka"));
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<TopicEvent> events = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + " could not be read to its end within 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    events.add(new TopicEvent(header(r, EventHeaders.ID), header(r, EventHeaders.TYPE),
                            r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8)));
                }
            }
        }
        return events;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
