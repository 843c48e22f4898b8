package cn.changning.governance.benchmarks.support;

import cn.changning.governance.embedded.EmbeddedInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL, Kafka and the Mongo wire server by address: the platform's own engines (in this JVM or in the
 * platform's child process) or the benchmark's. The scenarios reach them only through here, so a platform in another
 * process is measured with the very clients a platform in this JVM is.
 *
 * @param postgresPort     PostgreSQL on 127.0.0.1 (user and password {@code postgres}, as the embedded server has them)
 * @param bootstrapServers the Kafka broker
 * @param mongoUri         the Mongo wire server
 */
public record Engines(int postgresPort, String bootstrapServers, String mongoUri) {

    public static Engines of(EmbeddedInfrastructure infrastructure) {
        return new Engines(infrastructure.postgres().port(), infrastructure.kafka().bootstrapServers(),
                infrastructure.mongo().connectionString());
    }

    /** The engines of the local stack started with these ports (127.0.0.1). */
    public static Engines at(int postgresPort, int kafkaPort, int mongoPort) {
        return new Engines(postgresPort, "127.0.0.1:" + kafkaPort, "mongodb://127.0.0.1:" + mongoPort);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    /** Creates the database unless it exists (the benchmark's own: raw limits, replay). */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be lower-case snake_case: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    /** Creates the topics that are missing, kept for ever (as the platform's own are). */
    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1).configs(Map.of("retention.ms", "-1", "retention.bytes", "-1")))
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
}
