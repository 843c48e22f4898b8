package cn.changning.governance.partyregistry.importing;

import cn.changning.governance.common.personaldata.PersonalData;
import java.util.List;
import java.util.function.Function;

/**
 * A row that passed its own checks: its natural key, a keyed hash of its values, the rows of earlier files it
 * names, and how to make its commands once those are resolved.
 */
record PendingRow(long rowNumber, String naturalKey, String contentHash, List<Reference> references,
                  Function<Resolved, Prepared> prepare) {

    /**
     * A row of another kind (or of the same file, earlier) this row names.
     *
     * @param required a missing one rejects the row with {@code reason} on {@code field}
     */
    record Reference(ImportKind kind, String key, String field, boolean required, String reason) {
    }

    /** The references as found (null when not found) and the batch to seal personal values with. */
    interface Resolved {
        LedgerEntry entry(Reference reference);

        PersonalData.Batch sealing();
    }

    /**
     * What the row becomes: the aggregate, the place later files resolve it to, the commands to send in order.
     * A non-null {@code rejection} refuses the row after all (a reference that resolved to the wrong kind of thing).
     */
    record Prepared(String aggregateId, String streetCode, String areaCode, List<Object> commands,
                    RowReader.Problem rejection) {

        static Prepared of(String aggregateId, String streetCode, String areaCode, Object... commands) {
            return new Prepared(aggregateId, streetCode, areaCode, List.of(commands), null);
        }

        static Prepared rejected(String field, String reason) {
            return new Prepared(null, null, null, List.of(), new RowReader.Problem(field, reason));
        }
    }

    /** A ledger line: what a natural key was imported as. */
    record LedgerEntry(String aggregateId, String contentHash, String streetCode, String areaCode) {
    }
}
