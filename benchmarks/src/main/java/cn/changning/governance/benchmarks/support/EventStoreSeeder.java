package cn.changning.governance.benchmarks.support;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes valid events straight into a service's event store (Axon's {@code domain_event_entry})
 * with PostgreSQL's COPY, much faster than commands can. Each row is a copy of a real
 * {@code CaseReported} the service stored (payload, metadata and types exactly as Axon wrote
 * them), with its own event id, aggregate id and time: a new case reported, which Axon can load
 * and the publisher can publish like any other.
 */
public final class EventStoreSeeder {

    /** The stored form of one real event, and the case id inside its payload. */
    public record Template(String caseId, String type, String payloadType, String payloadRevision, String payload,
                           byte[] metaData) {
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String jdbcUrl;
    private final String user;
    private final String password;

    public EventStoreSeeder(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    public Template template(String caseId) {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
                "SELECT type, payload_type, payload_revision, payload, meta_data FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 0")) {
            p.setString(1, caseId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("case " + caseId + " has no first event in the store");
                }
                return new Template(caseId, rs.getString(1), rs.getString(2), rs.getString(3),
                        new String(rs.getBytes(4), StandardCharsets.UTF_8), rs.getBytes(5));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the template event", e);
        }
    }

    public long count() {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Copies {@code count} new cases' first events in one transaction.
     *
     * @param idPrefix          the first 8 hex digits of every new case id, so a scenario can recognise its own
     * @param belowIndex        null: global indexes from the table's sequence, as Axon would assign them (the
     *                          publisher sees and publishes the rows). A number: the rows take the indexes just
     *                          below it (e.g. 0: negative ones), i.e. history before every processor's token, as in a
     *                          store whose old events were all published long ago
     */
    public void copy(Template t, String idPrefix, long count, Long belowIndex, Instant time) {
        String columns = "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                + " payload_revision, payload, meta_data";
        if (belowIndex != null) {
            columns = "global_index, " + columns;
        }
        String timestamp = time.toString();
        String metaHex = hex(t.metaData());
        String revision = t.payloadRevision() == null ? "" : csv(t.payloadRevision());
        long prefix = Long.parseUnsignedLong(idPrefix, 16) << 32;
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY domain_event_entry (" + columns + ") FROM STDIN WITH (FORMAT csv)");
            StringBuilder b = new StringBuilder(1 << 20);
            for (long i = 0; i < count; i++) {
                String caseId = new UUID(prefix | (i >>> 32), 0x8000_0000_0000_0000L | i).toString();
                if (belowIndex != null) {
                    b.append(belowIndex - count + i).append(',');
                }
                b.append(UUID.randomUUID()).append(',').append(caseId).append(",0,")
                        .append(csv(t.type())).append(',').append(timestamp).append(',').append(csv(t.payloadType()))
                        .append(',').append(revision).append(',')
                        .append(hex(t.payload().replace(t.caseId(), caseId).getBytes(StandardCharsets.UTF_8)))
                        .append(',').append(metaHex).append('\n');
                if (b.length() > (1 << 20) - 4096) {
                    flush(copy, b);
                }
            }
            flush(copy, b);
            copy.endCopy();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the event store failed", e);
        }
    }

    /** Whether a case id was made by {@link #copy} with this prefix. */
    public static boolean madeWith(String idPrefix, String caseId) {
        return caseId.startsWith(idPrefix);
    }

    private static void flush(CopyIn copy, StringBuilder b) throws SQLException {
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        b.setLength(0);
    }

    private static String csv(String s) {
        return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String hex(byte[] bytes) {
        if (bytes == null) {
            return "";
        }
        char[] out = new char[2 + bytes.length * 2];
        out[0] = '\\';
        out[1] = 'x';
        for (int i = 0; i < bytes.length; i++) {
            out[2 + 2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[3 + 2 * i] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
