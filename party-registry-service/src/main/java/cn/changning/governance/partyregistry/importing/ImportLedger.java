package cn.changning.governance.partyregistry.importing;

import cn.changning.governance.partyregistry.importing.PendingRow.LedgerEntry;
import java.sql.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** What each natural key was imported as (registry_import_ledger): looked up a chunk at a time, one query per kind. */
public class ImportLedger {

    record Line(String naturalKey, long rowNumber, LedgerEntry entry) {
    }

    private final JdbcTemplate jdbc;

    public ImportLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, LedgerEntry> find(ImportKind kind, Collection<String> keys) {
        Map<String, LedgerEntry> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT natural_key, aggregate_id, content_hash, street_code, area_code "
                    + "FROM registry_import_ledger WHERE kind = ? AND natural_key = ANY (?)");
            statement.setString(1, kind.parameter());
            Array array = connection.createArrayOf("varchar", keys.toArray());
            statement.setArray(2, array);
            return statement;
        }, rs -> {
            found.put(rs.getString(1), new LedgerEntry(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        });
        return found;
    }

    void add(ImportKind kind, UUID jobId, List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO registry_import_ledger (kind, natural_key, aggregate_id, content_hash, street_code, "
                + "area_code, job_id, row_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", lines, 1000, (ps, line) -> {
            ps.setString(1, kind.parameter());
            ps.setString(2, line.naturalKey());
            ps.setString(3, line.entry().aggregateId());
            ps.setString(4, line.entry().contentHash());
            ps.setString(5, line.entry().streetCode());
            ps.setString(6, line.entry().areaCode());
            ps.setObject(7, jobId);
            ps.setLong(8, line.rowNumber());
        });
    }

    long count(ImportKind kind) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM registry_import_ledger WHERE kind = ?", Long.class, kind.parameter());
        return n == null ? 0 : n;
    }
}
