package cn.changning.governance.systemtests;

import cn.changning.governance.contracts.EventHeaders;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.embedded.FreePorts;
import cn.changning.governance.localstack.LocalStack;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stack's promise under a crash: every report acknowledged with 201 before a kill -9 of
 * the whole stack (its JVM and the PostgreSQL server it started) in the middle of a stream of
 * reports is there after a restart, as one event (published at least once), and none is there twice. Prints how long
 * after the restarted stack was up the read model held them all (static group membership and
 * the processors' own token claims make that a few seconds, not a session timeout). Runs the stack as a separate process, as a user would.
 */
@Order(1) // before the shared stack starts (junit-platform.properties)
class CrashRecoverySystemTest {

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedReportSurvivesAKillNineAndNoneIsDuplicated() throws Exception {
        Map<String, String> env = Map.of(
                "GOVERNANCE_DATA_DIR", data.toString(),
                "GATEWAY_PORT", String.valueOf(FreePorts.find()),
                "GOVERNANCE_SERVICE_PORTS", "random",
                "POSTGRES_PORT", String.valueOf(FreePorts.find()),
                "KAFKA_PORT", String.valueOf(FreePorts.find()),
                "MONGO_PORT", String.valueOf(FreePorts.find()),
                "IDENTITY_PORT", String.valueOf(FreePorts.find()),
                "GOVERNANCE_DURABLE", "true",
                // The promise under test is the case service's (store → topic → read model): the other services'
                // start-ups would only double the two starts' time.
                "GOVERNANCE_SERVICES", "case-service");
        PlatformClient client = new PlatformClient(Integer.parseInt(env.get("GATEWAY_PORT")), "127.0.0.1:" + env.get("KAFKA_PORT"),
                "http://127.0.0.1:" + env.get("IDENTITY_PORT"));

        long t0 = System.nanoTime();
        Process stack = startStack(env);
        long firstUp = System.nanoTime();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        try {
            // Four partners report up to 300 cases in all; the stack is killed mid-stream, after the
            // 200th 201, while the partners are still sending (their requests in flight then fail).
            List<CompletableFuture<Void>> partners = IntStream.range(0, 4).mapToObj(p -> CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 75 && !killed.get(); i++) {
                    try {
                        acknowledged.add(client.reportCase("partner " + p + " report " + i));
                    } catch (RuntimeException | AssertionError refusedOrCut) {
                        if (!killed.get()) {
                            throw refusedOrCut;
                        }
                    }
                }
            })).toList();
            await().atMost(Duration.ofMinutes(5)).until(() -> acknowledged.size() >= 200
                    || partners.stream().allMatch(CompletableFuture::isDone));
            killed.set(true);
            killNine(stack);
            CompletableFuture.allOf(partners.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } finally {
            killed.set(true);
            killNine(stack);
        }
        long killedAt = System.nanoTime();
        Set<String> acknowledgedIds = new HashSet<>(acknowledged);
        assertThat(acknowledgedIds).hasSizeGreaterThanOrEqualTo(200).hasSize(acknowledged.size());

        stack = startStack(env);
        long up = System.nanoTime();
        System.out.printf("CrashRecoverySystemTest: first start %d ms, reports until the kill %d ms, restart %d ms%n",
                millis(firstUp - t0), millis(killedAt - firstUp), millis(up - killedAt));
        try {
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() ->
                        new HashSet<>(caseDocuments(env)).containsAll(acknowledgedIds));
            } catch (ConditionTimeoutException e) {
                // What the restarted stack was doing is in its log, which the temporary folder takes with it.
                printLogTail(data.resolve("logs/local-stack.log"), 200);
                throw e;
            }
            long resumedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - up);

            // Reports in flight at the kill may have been stored without their 201: they count too, once.
            List<String> ids = caseDocuments(env);
            assertThat(new HashSet<>(ids)).hasSize(ids.size()).containsAll(acknowledgedIds);
            // Publication is at least once: a batch Kafka acknowledged just before the kill, whose token
            // the store had not yet moved, is sent again after the restart. Each case's report is still
            // one event (one ce_id), which consumers apply once.
            Map<String, Set<String>> eventIdsByCase = new HashMap<>();
            long records = 0;
            for (ConsumerRecord<String, byte[]> record : client.readTopic(Topics.CASE_EVENTS)) {
                if (acknowledgedIds.contains(record.key())) {
                    records++;
                    eventIdsByCase.computeIfAbsent(record.key(), k -> new HashSet<>())
                            .add(new String(record.headers().lastHeader(EventHeaders.ID).value(), StandardCharsets.UTF_8));
                }
            }
            for (String caseId : acknowledgedIds) {
                assertThat(eventIdsByCase.get(caseId)).as("events of " + caseId + " on the case topic").hasSize(1);
                assertThat(PlatformClient.json(client.get("/api/v1/cases/" + caseId).body()).get("version").asLong()).isZero();
            }
            System.out.printf("CrashRecoverySystemTest: %d acknowledged reports before the kill -9; all in the read model "
                    + "%d ms after the restarted stack was up; %d records on the topic for them (%d sent again after the restart)%n",
                    acknowledgedIds.size(), resumedMillis, records, records - acknowledgedIds.size());
        } finally {
            // Its data is a temporary folder: nothing to stop cleanly for (a graceful stop took 11 s).
            killNine(stack);
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static void printLogTail(Path log, int lines) throws IOException {
        if (Files.exists(log)) {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            System.out.println("CrashRecoverySystemTest: the last " + lines + " lines of " + log + ":");
            all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.out::println);
        }
    }

    /** The ids of every document in the case read model (an id twice would show up as a second entry). */
    private static List<String> caseDocuments(Map<String, String> env) {
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + env.get("MONGO_PORT"))) {
            MongoCollection<Document> cases = mongo.getDatabase("case_service").getCollection("cases");
            List<String> ids = new ArrayList<>();
            cases.find().projection(new Document("_id", 1)).forEach(d -> ids.add(d.getString("_id")));
            return ids;
        }
    }

    private static Process startStack(Map<String, String> env) throws IOException, InterruptedException {
        // The heap ./run-local gives the whole stack. At 1.5 GB with every service, one run in four on 2 cores did not
        // catch up within two minutes after the restart; its cause was not found (see issue 13's note).
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g", "-cp", System.getProperty("java.class.path"), LocalStack.class.getName());
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        CompletableFuture<Boolean> up = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.contains("is up")) {
                        up.complete(true);
                    }
                    if (line.contains("failed to start")) {
                        up.completeExceptionally(new AssertionError(line));
                    }
                }
                up.completeExceptionally(new AssertionError("the stack exited before it was up"));
            } catch (IOException e) {
                up.completeExceptionally(e);
            }
        }, "stack-output");
        reader.setDaemon(true);
        reader.start();
        try {
            up.get(4, TimeUnit.MINUTES);
        } catch (Exception e) {
            killNine(process);
            throw new AssertionError("the local stack did not come up", e);
        }
        return process;
    }

    /** SIGKILL to the stack's JVM and every process it started (the PostgreSQL server), as in a machine crash. */
    private static void killNine(Process process) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            handle.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
