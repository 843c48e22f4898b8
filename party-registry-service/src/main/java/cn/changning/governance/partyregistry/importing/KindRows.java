package cn.changning.governance.partyregistry.importing;

/** Reads one kind's rows: the checks a row can pass alone, and what it becomes. */
interface KindRows {

    /** The pending row, or null when the reader holds the row's problems. */
    PendingRow read(RowReader row, long rowNumber, String contentHash);
}
