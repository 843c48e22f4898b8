package cn.changning.governance.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PostgreSQL, Kafka and the Mongo wire server together, started in this order and
 * stopped in the reverse order. Used by the local stack and, once per test JVM, by tests.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    /**
     * @param dataDirectory  everything is kept under it; a restart on the same folder keeps all state
     * @param postgresPort   0 picks a free port
     * @param kafkaPort      0 picks a free port
     * @param mongoPort      0 picks a free port
     * @param durable        fsync and synchronous commit on in PostgreSQL
     * @param persistentMongo read models kept on disk (false: in memory)
     */
    public record Settings(Path dataDirectory, int postgresPort, int kafkaPort, int mongoPort,
                           boolean durable, boolean persistentMongo) {

        /** Free ports, a fresh temporary folder, no fsync: what tests want. */
        public static Settings forTests() {
            try {
                return new Settings(Files.createTempDirectory("governance-test-"), 0, 0, 0, false, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedMongoServer mongo;

    private EmbeddedInfrastructure(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka, EmbeddedMongoServer mongo) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.mongo = mongo;
    }

    public static EmbeddedInfrastructure start(Settings settings) {
        Path root = settings.dataDirectory();
        EmbeddedPostgresServer postgres = null;
        EmbeddedKafkaBroker kafka = null;
        try {
            long t0 = System.nanoTime();
            postgres = EmbeddedPostgresServer.start(root.resolve("postgres"), settings.postgresPort(), settings.durable());
            long t1 = System.nanoTime();
            kafka = EmbeddedKafkaBroker.start(root.resolve("kafka"), settings.kafkaPort());
            long t2 = System.nanoTime();
            EmbeddedMongoServer mongo = EmbeddedMongoServer.start(
                    settings.persistentMongo() ? root.resolve("mongo") : null, settings.mongoPort());
            long t3 = System.nanoTime();
            log.info("Embedded infrastructure up: PostgreSQL :{} ({} ms), Kafka {} ({} ms), Mongo wire server :{} ({} ms), data in {}",
                    postgres.port(), (t1 - t0) / 1_000_000, kafka.bootstrapServers(), (t2 - t1) / 1_000_000,
                    mongo.port(), (t3 - t2) / 1_000_000, root.toAbsolutePath());
            return new EmbeddedInfrastructure(postgres, kafka, mongo);
        } catch (IOException | RuntimeException e) {
            if (kafka != null) {
                kafka.close();
            }
            if (postgres != null) {
                try {
                    postgres.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new IllegalStateException("embedded infrastructure failed to start", e);
        }
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public EmbeddedMongoServer mongo() {
        return mongo;
    }

    @Override
    public void close() {
        mongo.close();
        kafka.close();
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("PostgreSQL did not stop cleanly", e);
        }
    }
}
