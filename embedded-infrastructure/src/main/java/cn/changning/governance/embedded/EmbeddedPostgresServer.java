package cn.changning.governance.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server (zonky's packaged binaries) run from this JVM.
 * Durable mode turns fsync and synchronous commit back on (zonky turns them off),
 * so an acknowledged command survives a crash of the machine, not only of the JVM.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean durable) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .setServerConfig("max_connections", "300");
        if (dataDirectory != null) {
            stopOrphanedServer(dataDirectory);
            builder.setDataDirectory(dataDirectory.toFile());
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return new EmbeddedPostgresServer(builder.start());
    }

    /**
     * After a kill -9 of the JVM that started it, PostgreSQL keeps running on the data folder
     * and a new start would fail on its lock. Stop it the way PostgreSQL asks (SIGTERM: finish,
     * checkpoint, exit); its committed data is safe either way.
     */
    static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isPresent()) {
            log.warn("PostgreSQL (pid {}) is still running on {} from an earlier run; stopping it", orphan.get().pid(), dataDirectory);
            orphan.get().destroy();
            orphan.get().onExit().orTimeout(60, TimeUnit.SECONDS).join();
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    /** Creates the database unless it exists: each service owns one. */
    public void ensureDatabase(String database) {
        ensureDatabase(jdbcUrl("postgres"), username(), password(), database);
    }

    /**
     * The same on any server by address (a platform in another process: the benchmarks).
     *
     * @param serverUrl the JDBC URL of a database to connect to while creating, e.g. the server's {@code postgres}
     */
    public static void ensureDatabase(String serverUrl, String username, String password, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be lower-case snake_case: " + database);
        }
        try (Connection connection = java.sql.DriverManager.getConnection(serverUrl, username, password);
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
