package cn.changning.governance.benchmarks.support;

import cn.changning.governance.embedded.EmbeddedInfrastructure;
import cn.changning.governance.embedded.EmbeddedKafkaBroker;
import cn.changning.governance.embedded.EmbeddedPostgresServer;

import java.util.Collection;

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
        EmbeddedPostgresServer.ensureDatabase(jdbcUrl("postgres"), username(), password(), database);
    }

    /** Creates the topics that are missing, kept for ever (as the platform's own are). */
    public void createTopics(Collection<String> topics, int partitions) {
        EmbeddedKafkaBroker.createTopics(bootstrapServers, topics, partitions);
    }
}
