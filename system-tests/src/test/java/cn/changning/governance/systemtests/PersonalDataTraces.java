package cn.changning.governance.systemtests;

import cn.changning.governance.embedded.EmbeddedInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Looks for values in every place the platform keeps data: every record (key, value, headers) of every topic on the
 * broker, every row of every table of every PostgreSQL database on the server (event stores, token and saga tables,
 * idempotency records, import files, key stores), every document of every Mongo database, and every line of the
 * stack's log files (INFO and above, from the JVM's start). Used to show that personal values never appear in clear.
 *
 * <p>A finding names where the value was (topic/partition/offset, database.table row, database.collection _id,
 * log line), so a failure says what leaked and to where.</p>
 */
final class PersonalDataTraces {

    /** One place a searched value was found. */
    record Finding(String value, String where) {
    }

    /** What was read, so a scan that read nothing cannot pass for a clean one. */
    record Scanned(long topicRecords, long tableRows, long documents, long logLines) {
    }

    private final EmbeddedInfrastructure infrastructure;
    private final Path logDirectory;
    private long topicRecords;
    private long tableRows;
    private long documents;
    private Scanned lastScan = new Scanned(0, 0, 0, 0);

    /** @param logDirectory where the stack's log files are (logback.xml's {@code GOVERNANCE_DATA_DIR/logs}) */
    PersonalDataTraces(EmbeddedInfrastructure infrastructure, Path logDirectory) {
        this.infrastructure = infrastructure;
        this.logDirectory = logDirectory;
    }

    /** Every place any of the values occurs (each value as given, compared as text in UTF-8). */
    List<Finding> find(Collection<String> values) {
        List<String> searched = values.stream().filter(v -> v != null && !v.isBlank()).distinct().toList();
        List<Finding> findings = new ArrayList<>();
        scanTopics(text -> where -> match(searched, text, where, findings));
        scanPostgres(text -> where -> match(searched, text, where, findings));
        scanMongo(text -> where -> match(searched, text, where, findings));
        long lines = scanLogs(searched, findings);
        lastScan = new Scanned(topicRecords, tableRows, documents, lines);
        topicRecords = tableRows = documents = 0;
        return findings;
    }

    Scanned lastScan() {
        return lastScan;
    }

    private static void match(List<String> searched, String text, String where, List<Finding> findings) {
        for (String value : searched) {
            if (text.contains(value)) {
                findings.add(new Finding(value, where));
            }
        }
    }

    // ---- The stack's log files: every line the JVM logged (logback.xml writes them under GOVERNANCE_DATA_DIR/logs) ----

    private long scanLogs(List<String> searched, List<Finding> findings) {
        long lines = 0;
        try (Stream<Path> files = Files.list(logDirectory)) {
            for (Path file : files.sorted().toList()) {
                try (InputStream raw = Files.newInputStream(file);
                     InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                     BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        lines++;
                        match(searched, line, "log " + file.getFileName() + " line " + lines + ": " + abbreviate(line), findings);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the logs in " + logDirectory, e);
        }
        return lines;
    }

    // ---- Kafka: every topic but the broker's own offsets and transactions ----

    private void scanTopics(Function<String, Consumer<String>> sink) {
        String bootstrap = infrastructure.kafka().bootstrapServers();
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("could not list the broker's topics", e);
        }
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "personal-data-traces-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (String topic : topics) {
                if (topic.startsWith("__")) {
                    continue;
                }
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("could not read " + topic + " to its end");
                    }
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        topicRecords++;
                        String where = "topic " + record.topic() + "/" + record.partition() + "@" + record.offset();
                        StringBuilder text = new StringBuilder();
                        append(text, record.key());
                        append(text, record.value());
                        for (Header header : record.headers()) {
                            text.append(header.key()).append('=');
                            append(text, header.value());
                        }
                        sink.apply(text.toString()).accept(where);
                    }
                }
            }
        }
    }

    // ---- PostgreSQL: every table of every database (bytea read as UTF-8 text, as the JSON payloads are) ----

    private void scanPostgres(Function<String, Consumer<String>> sink) {
        var postgres = infrastructure.postgres();
        List<String> databases = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT datname FROM pg_database WHERE NOT datistemplate")) {
            while (rs.next()) {
                databases.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new AssertionError("could not list the databases", e);
        }
        for (String database : databases) {
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password())) {
                List<String> tables = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT schemaname || '.' || tablename FROM pg_tables "
                             + "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    connection.setAutoCommit(false); // the driver streams rows only inside a transaction
                    try (Statement statement = connection.createStatement()) {
                        statement.setFetchSize(1000);
                        try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
                            ResultSetMetaData meta = rs.getMetaData();
                            long row = 0;
                            while (rs.next()) {
                                row++;
                                tableRows++;
                                StringBuilder text = new StringBuilder();
                                for (int c = 1; c <= meta.getColumnCount(); c++) {
                                    if ("bytea".equals(meta.getColumnTypeName(c))) {
                                        append(text, rs.getBytes(c));
                                    } else {
                                        text.append(rs.getString(c)).append('\u0001');
                                    }
                                }
                                sink.apply(text.toString()).accept("postgres " + database + "." + table + " row " + row);
                            }
                        }
                    }
                    connection.rollback();
                }
            } catch (SQLException e) {
                throw new AssertionError("could not read database " + database, e);
            }
        }
    }

    // ---- Mongo: every document of every database ----

    private void scanMongo(Function<String, Consumer<String>> sink) {
        try (MongoClient mongo = MongoClients.create(infrastructure.mongo().connectionString())) {
            for (String name : mongo.listDatabaseNames()) {
                MongoDatabase database = mongo.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    for (Document document : database.getCollection(collection).find()) {
                        documents++;
                        sink.apply(document.toJson()).accept("mongo " + name + "." + collection + " _id " + document.get("_id"));
                    }
                }
            }
        }
    }

    private static void append(StringBuilder text, byte[] bytes) {
        if (bytes != null) {
            text.append(new String(bytes, StandardCharsets.UTF_8));
        }
        text.append('\u0001');
    }

    private static String abbreviate(String line) {
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
