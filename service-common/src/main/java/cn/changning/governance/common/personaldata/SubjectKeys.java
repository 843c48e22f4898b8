package cn.changning.governance.common.personaldata;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The key store: table {@code subject_key} in a database of its own (never the event store's), reached through a
 * small pool of its own, migrated by a Flyway of its own ({@code db/personal-data-keys}). Neither the pool nor the
 * Flyway is a bean: Boot's primary DataSource and Flyway stay exactly as they are.
 */
final class SubjectKeys implements AutoCloseable {

    static final String MIGRATIONS = "classpath:db/personal-data-keys";

    /** A subject's row: the wrapped key, or none once erased. */
    record Row(String subject, byte[] wrappedKey) {
        boolean erased() {
            return wrappedKey == null;
        }
    }

    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;

    SubjectKeys(String url, String username, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("personal-data-keys");
        // Fail at start with the reason (e.g. the keys database does not exist), not at the first report.
        config.setInitializationFailTimeout(10_000);
        try {
            this.dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the personal-data key store " + url + " cannot be reached (governance.personal-data."
                    + "key-store.*; its database must exist, see deploy/README.md): " + rootMessage(e), e);
        }
        this.jdbc = new JdbcTemplate(dataSource);
        Flyway.configure(SubjectKeys.class.getClassLoader()).dataSource(dataSource).locations(MIGRATIONS)
                .baselineOnMigrate(false).load().migrate();
    }

    Optional<Row> find(String subject) {
        List<Row> rows = jdbc.query("SELECT subject, wrapped_key FROM subject_key WHERE subject = ?",
                (rs, i) -> new Row(rs.getString(1), rs.getBytes(2)), subject);
        return rows.stream().findFirst();
    }

    /** Inserts the subjects' keys unless they have rows already; returns the subjects that had (and kept their own). */
    List<String> insertAbsent(Map<String, byte[]> wrappedKeys, Instant now) {
        if (wrappedKeys.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(wrappedKeys.entrySet());
        Timestamp at = Timestamp.from(now);
        int[][] counts = jdbc.batchUpdate("INSERT INTO subject_key (subject, wrapped_key, created_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (subject) DO NOTHING", entries, 1000, (ps, e) -> {
            ps.setString(1, e.getKey());
            ps.setBytes(2, e.getValue());
            ps.setTimestamp(3, at);
        });
        List<String> existing = new ArrayList<>();
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                if (count == 0) {
                    existing.add(entries.get(i).getKey());
                }
                i++;
            }
        }
        return existing;
    }

    /** Destroys the subject's key, leaving a tombstone (also for a subject that had no key yet). */
    void erase(String subject, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("INSERT INTO subject_key (subject, wrapped_key, created_at, erased_at) VALUES (?, NULL, ?, ?)"
                + " ON CONFLICT (subject) DO UPDATE SET wrapped_key = NULL, erased_at = COALESCE(subject_key.erased_at, EXCLUDED.erased_at)",
                subject, at, at);
    }

    /** The subjects written after {@code afterSeq} (in order), to the consumer with their sequence numbers. */
    void subjectsAfter(long afterSeq, BiConsumer<String, Long> consumer) {
        jdbc.query("SELECT subject, seq FROM subject_key WHERE seq > ? ORDER BY seq",
                rs -> {
                    consumer.accept(rs.getString(1), rs.getLong(2));
                }, afterSeq);
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
