package cn.changning.governance.benchmarks.instances;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/** Counts the rows of a service's Axon event store ({@code domain_event_entry}). */
public final class EventStoreRows {

    private EventStoreRows() {
    }

    /** Every event the store holds. */
    public static long count(String jdbcUrl, String user, String password) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the events of " + jdbcUrl, e);
        }
    }

    /** The events of these aggregates (every event of each, whatever its type). */
    public static long countOf(String jdbcUrl, String user, String password, Collection<String> aggregateIds) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)")) {
            Array ids = c.createArrayOf("varchar", aggregateIds.toArray());
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the events of " + aggregateIds.size() + " aggregates in " + jdbcUrl, e);
        }
    }
}
