package cn.changning.governance.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The {@code idempotency_record} table (Flyway {@code db/axon/V2}): one row per client and key, claimed by the one
 * request whose insert wins, then completed with its answer or released. Each statement commits on its own: the
 * claim must be visible to every other request before the claimer runs, and an answer is stored in one update, so
 * there is never a half-written record. Every "now" is the service's {@link Clock}.
 */
public class IdempotencyRecords {

    enum Decision { RUN, REPLAY, IN_FLIGHT, MISMATCH }

    /**
     * What a request with a key is to do.
     *
     * @param owner    the claim to complete or release, when {@link Decision#RUN}
     * @param response the answer to replay, when {@link Decision#REPLAY}
     * @param takenOver whether the key was taken over from a request that held it past the in-flight timeout
     */
    record Claim(Decision decision, String owner, StoredResponse response, boolean takenOver) {
    }

    private record Row(String fingerprint, String state, String owner, Integer status, String headers, byte[] body,
                       Instant createdAt, Instant updatedAt) {
    }

    private static final TypeReference<List<StoredResponse.Header>> HEADERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** Its own mapper: what the service's API accepts or writes must not change how records are read. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Duration retention;
    private final Duration inFlightTimeout;

    public IdempotencyRecords(JdbcTemplate jdbc, Clock clock, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = properties.retention();
        this.inFlightTimeout = properties.inFlightTimeout();
    }

    /** Decides what the request is to do; claims the key for it when it is to run. */
    Claim claim(String clientId, String key, String fingerprint) {
        String owner = UUID.randomUUID().toString();
        // A record deleted or taken between two of these statements sends the loop round again; three rounds
        // cannot all lose unless others keep winning, and then the key is in flight for them.
        for (int round = 0; round < 3; round++) {
            Instant now = clock.instant();
            int inserted = jdbc.update("""
                    INSERT INTO idempotency_record (client_id, idempotency_key, fingerprint, state, owner, created_at, updated_at)
                    VALUES (?, ?, ?, 'IN_FLIGHT', ?, ?, ?) ON CONFLICT DO NOTHING""",
                    clientId, key, fingerprint, owner, at(now), at(now));
            if (inserted == 1) {
                return new Claim(Decision.RUN, owner, null, false);
            }
            Row row = find(clientId, key);
            if (row == null) {
                continue;
            }
            if (!row.createdAt().isAfter(now.minus(retention))) {
                // Past the retention a record is ignored: the key starts afresh, as if purged already.
                if (jdbc.update("""
                        UPDATE idempotency_record SET fingerprint = ?, state = 'IN_FLIGHT', owner = ?, response_status = NULL,
                        response_headers = NULL, response_body = NULL, created_at = ?, updated_at = ?
                        WHERE client_id = ? AND idempotency_key = ? AND owner = ?""",
                        fingerprint, owner, at(now), at(now), clientId, key, row.owner()) == 1) {
                    return new Claim(Decision.RUN, owner, null, false);
                }
                continue;
            }
            if (!row.fingerprint().equals(fingerprint)) {
                return new Claim(Decision.MISMATCH, null, null, false);
            }
            if ("COMPLETED".equals(row.state())) {
                return new Claim(Decision.REPLAY, null, response(row), false);
            }
            if (!row.updatedAt().isAfter(now.minus(inFlightTimeout))) {
                // Held past any request's time: its request crashed (or its completion was lost). Take it over.
                if (jdbc.update("""
                        UPDATE idempotency_record SET owner = ?, updated_at = ?
                        WHERE client_id = ? AND idempotency_key = ? AND owner = ? AND state = 'IN_FLIGHT'""",
                        owner, at(now), clientId, key, row.owner()) == 1) {
                    return new Claim(Decision.RUN, owner, null, true);
                }
                continue;
            }
            return new Claim(Decision.IN_FLIGHT, null, null, false);
        }
        return new Claim(Decision.IN_FLIGHT, null, null, false);
    }

    /** Stores the answer of the claim's request; false if the claim was taken over meanwhile (nothing stored). */
    boolean complete(String clientId, String key, String owner, StoredResponse response) {
        String headers;
        try {
            headers = JSON.writeValueAsString(response.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers are strings", e);
        }
        return jdbc.update("""
                UPDATE idempotency_record SET state = 'COMPLETED', response_status = ?, response_headers = ?::jsonb,
                response_body = ?, updated_at = ?
                WHERE client_id = ? AND idempotency_key = ? AND owner = ? AND state = 'IN_FLIGHT'""",
                response.status(), headers, response.body(), at(clock.instant()), clientId, key, owner) == 1;
    }

    /** Gives the key back: the next request with it runs as the first. */
    void release(String clientId, String key, String owner) {
        jdbc.update("DELETE FROM idempotency_record WHERE client_id = ? AND idempotency_key = ? AND owner = ? AND state = 'IN_FLIGHT'",
                clientId, key, owner);
    }

    /** Deletes the records past the retention; returns how many. */
    public int purge() {
        return jdbc.update("DELETE FROM idempotency_record WHERE created_at <= ?", at(clock.instant().minus(retention)));
    }

    private Row find(String clientId, String key) {
        List<Row> rows = jdbc.query("""
                SELECT fingerprint, state, owner, response_status, response_headers::text AS headers, response_body,
                created_at, updated_at FROM idempotency_record WHERE client_id = ? AND idempotency_key = ?""",
                (rs, i) -> new Row(rs.getString("fingerprint"), rs.getString("state"), rs.getString("owner"),
                        (Integer) rs.getObject("response_status"), rs.getString("headers"), rs.getBytes("response_body"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()),
                clientId, key);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private StoredResponse response(Row row) {
        try {
            return new StoredResponse(row.status(), JSON.readValue(row.headers(), HEADERS), row.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable headers of an idempotency record", e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
