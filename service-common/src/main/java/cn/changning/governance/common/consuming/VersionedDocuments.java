package cn.changning.governance.common.consuming;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * Idempotent read-model writes. Each document keeps in {@code version} the sequence number
 * of the last event applied to it; an update applies only when its event's sequence is
 * higher, so a redelivered or older event changes nothing. On a stale event the filter does
 * not match and the upsert's insert collides with the existing {@code _id} (error 11000):
 * that is the "already applied" signal, and it works on real MongoDB and the wire server alike.
 */
public final class VersionedDocuments {

    public static final String VERSION = "version";
    private static final int DUPLICATE_KEY = 11000;

    private VersionedDocuments() {
    }

    /** An upsert of {@code id} that applies {@code update} only if the document is older than {@code sequence}. */
    public static UpdateOneModel<Document> applyIfNewer(Object id, long sequence, Bson update) {
        return new UpdateOneModel<>(
                Filters.and(Filters.eq("_id", id), Filters.lt(VERSION, sequence)),
                Updates.combine(update, Updates.set(VERSION, sequence)),
                new UpdateOptions().upsert(true));
    }

    /**
     * Writes in order with as few round trips as possible. A write rejected as stale is
     * skipped and the rest go on; any other error is thrown.
     *
     * @return how many writes were skipped as already applied
     */
    public static int writeInOrder(MongoCollection<Document> collection, List<? extends WriteModel<Document>> writes) {
        int skipped = 0;
        List<? extends WriteModel<Document>> remaining = writes;
        while (!remaining.isEmpty()) {
            try {
                collection.bulkWrite(new ArrayList<>(remaining), new BulkWriteOptions().ordered(true));
                return skipped;
            } catch (MongoBulkWriteException e) {
                List<BulkWriteError> errors = e.getWriteErrors();
                if (errors.isEmpty() || errors.stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                    throw e;
                }
                // Real MongoDB stops an ordered bulk write at its first error; the wire server
                // goes on to the end. The counts tell which happened.
                BulkWriteResult done = e.getWriteResult();
                int succeeded = done.getMatchedCount() + done.getUpserts().size();
                if (succeeded + errors.size() >= remaining.size()) {
                    return skipped + errors.size();
                }
                skipped++;
                remaining = remaining.subList(errors.get(0).getIndex() + 1, remaining.size());
            }
        }
        return skipped;
    }
}
