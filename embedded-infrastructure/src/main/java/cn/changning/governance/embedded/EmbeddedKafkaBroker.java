package cn.changning.governance.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Features;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), run in-process.
 * It can be stopped and started again on the same log directory and port, which is how
 * tests simulate an outage. The cluster id is a constant: a formatted log directory
 * remembers it, and a different id on restart fails with "Invalid cluster.id".
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    static final String CLUSTER_ID = "q1Sh-9_ISia_zwGINzRvyQ";
    /** A clean stop takes 1-10 s here (controlled shutdown, then the raft client's own); see {@link #stop()}. */
    static final Duration STOP_DEADLINE = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final Path logDirectory;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDirectory, int port, int controllerPort) {
        this.logDirectory = logDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats the log directory if it is new, then starts the broker. Port 0 picks a free one. */
    public static EmbeddedKafkaBroker start(Path logDirectory, int port) throws IOException {
        int brokerPort = port > 0 ? port : FreePorts.find();
        // A fixed broker port gets the next port for the controller, so restarts keep the same quorum address.
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDirectory, brokerPort, port > 0 ? port + 1 : FreePorts.find());
        broker.start();
        return broker;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaConfig config = new KafkaConfig(properties(), false);
        format();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
    }

    /**
     * Stops the broker and waits until its sockets are closed; {@link #start()} brings it back. The wait is bounded: a
     * local stack stopped with SIGTERM once hung for over an hour, its {@code kafka-1-raft-io-thread} spinning in
     * {@code KafkaRaftClient.pollLeader} while the stop waited in {@code KafkaRaftManager.shutdown}, so nothing after
     * the broker (PostgreSQL's process) was stopped either. Past {@link #STOP_DEADLINE} the broker is left to the
     * process's end, logged with where its stop is stuck; its log directory is recovered at the next start, as after
     * a crash (every send the platform counts as done was acknowledged with acks=all and flushed by then).
     */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        Thread stopper = Deadlines.runBounded("kafka-broker-stop", () -> {
            stopping.shutdown();
            stopping.awaitShutdown();
        }, STOP_DEADLINE);
        if (stopper.isAlive()) {
            log.error("Kafka did not stop within {} s; leaving it to the process's end (its log is recovered at the next "
                    + "start). The stop waits in:{}", STOP_DEADLINE.toSeconds(), Deadlines.stackOf(stopper));
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates each topic that does not exist yet, with unlimited retention (the topics are the log). */
    public void createTopics(Collection<String> topics, int partitions) {
        createTopics(bootstrapServers(), topics, partitions);
    }

    /** The same on any broker by address (a platform in another process: the benchmarks). */
    public static void createTopics(String bootstrapServers, Collection<String> topics, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1).configs(Map.of(
                            "retention.ms", "-1",
                            "retention.bytes", "-1")))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topics " + topics, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics " + topics, e);
        }
    }

    private Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDirectory.toAbsolutePath().toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        // Data is flushed by replication in a real cluster; with a single node we let the
        // OS page cache hold it, as Kafka does by default.
        p.put("log.retention.ms", "-1");
        p.put("log.retention.bytes", "-1");
        return p;
    }

    private void format() {
        try {
            Files.createDirectories(logDirectory);
            if (Files.exists(logDirectory.resolve("meta.properties"))) {
                return;
            }
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setSupportedFeatures(Features.PRODUCTION_FEATURES)
                    .setNodeId(1)
                    .setClusterId(CLUSTER_ID)
                    .setDirectories(List.of(logDirectory.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(logDirectory.toAbsolutePath().toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName("CONTROLLER")
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka log directory " + logDirectory, e);
        }
    }

    @Override
    public void close() {
        stop();
    }

}
