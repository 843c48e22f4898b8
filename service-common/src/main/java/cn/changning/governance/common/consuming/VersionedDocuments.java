package cn.changning.governance.common.consuming;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Idempotent read-model writes. Each document keeps in {@code version} the sequence number
 * of the last event applied to it; an event applies only when its sequence is higher, so a
 * redelivered or older event changes nothing.
 *
 * <p>The check is made in memory against the versions read in one query on {@code _id}. How the
 * write then guards itself depends on the server ({@link Guard}):</p>
 * <ul>
 *   <li>{@link Guard#CONDITIONAL_WRITE} (real MongoDB): the write's filter is
 *   {@code {_id, version < n}} with upsert, so a consumer that lost its partition to another
 *   while it worked cannot roll a document back: its write finds no document to update and its
 *   upsert collides with the existing {@code _id} (duplicate key, skipped as already applied).</li>
 *   <li>{@link Guard#IN_MEMORY_CHECK} (the Mongo wire server only): the writes filter on {@code _id} alone.
 *   The wire server uses its {@code _id} index only for a filter on exactly that field; a compound
 *   filter makes it scan the whole collection for every write. Safe while one consumer owns a
 *   partition, hence an aggregate, at a time, which is the case on one machine.</li>
 * </ul>
 */
public final class VersionedDocuments {

    public static final String VERSION = "version";
    private static final int DUPLICATE_KEY = 11000;

    /** How a write is kept from going back in time. */
    public enum Guard { IN_MEMORY_CHECK, CONDITIONAL_WRITE }

    private final Guard guard;

    public VersionedDocuments(Guard guard) {
        this.guard = guard;
    }

    /**
     * The guard the server can afford: the in-memory check only for the Mongo wire server
     * (mongo-java-server, whose {@code serverStatus} names its process {@code java}); the
     * conditional write for anything else, including a server that does not let us ask.
     */
    public static VersionedDocuments forServer(MongoDatabase database) {
        try {
            Document status = database.runCommand(new Document("serverStatus", 1));
            if ("java".equals(status.get("process"))) {
                return new VersionedDocuments(Guard.IN_MEMORY_CHECK);
            }
        } catch (MongoException notAllowedToAsk) {
            // the safe guard below
        }
        return new VersionedDocuments(Guard.CONDITIONAL_WRITE);
    }

    public Guard guard() {
        return guard;
    }

    /** An event's change to one document: applied only if the document is older than {@code sequence}. */
    public record VersionedWrite(Object id, long sequence, Bson update) {
    }

    public static VersionedWrite applyIfNewer(Object id, long sequence, Bson update) {
        return new VersionedWrite(id, sequence, update);
    }

    /**
     * Applies, in order and in one bulk write, the writes that are newer than what is stored
     * (or than an earlier write of the same batch).
     *
     * @return how many writes were skipped as already applied
     */
    public int writeNewer(MongoCollection<Document> collection, List<VersionedWrite> writes) {
        if (writes.isEmpty()) {
            return 0;
        }
        return writeNewer(collection, writes,
                versionsOf(collection, writes.stream().map(VersionedWrite::id).collect(Collectors.toSet())));
    }

    /**
     * As {@link #writeNewer(MongoCollection, List)}, for a caller that has just read the stored
     * versions itself (one round trip fewer).
     *
     * @param storedVersions the version of each document that exists; no entry: no document
     */
    public int writeNewer(MongoCollection<Document> collection, List<VersionedWrite> writes,
                          Map<?, Long> storedVersions) {
        Map<Object, Long> versions = new HashMap<>(storedVersions);
        List<UpdateOneModel<Document>> newer = new ArrayList<>(writes.size());
        for (VersionedWrite write : writes) {
            Long stored = versions.get(write.id());
            if (stored != null && stored >= write.sequence()) {
                continue;
            }
            versions.put(write.id(), write.sequence());
            newer.add(new UpdateOneModel<>(filter(write),
                    Updates.combine(write.update(), Updates.set(VERSION, write.sequence())),
                    new UpdateOptions().upsert(true)));
        }
        int lostRaces = writeInOrder(collection, newer); // conditional writes that found a newer document
        return writes.size() - newer.size() + lostRaces;
    }

    private Bson filter(VersionedWrite write) {
        Bson byId = Filters.eq("_id", write.id());
        if (guard == Guard.IN_MEMORY_CHECK) {
            return byId;
        }
        return Filters.and(byId, Filters.or(Filters.lt(VERSION, write.sequence()), Filters.exists(VERSION, false)));
    }

    /** The stored version of each of these documents that exists, in one query on {@code _id}. */
    public static Map<Object, Long> versionsOf(MongoCollection<Document> collection, Collection<?> ids) {
        Map<Object, Long> versions = new HashMap<>();
        for (Document d : collection.find(Filters.in("_id", ids)).projection(Projections.include(VERSION))) {
            Number version = d.get(VERSION, Number.class);
            versions.put(d.get("_id"), version == null ? -1L : version.longValue());
        }
        return versions;
    }

    /**
     * Writes in order with as few round trips as possible. A write rejected by a unique key
     * (an insert-if-absent that found the document) is skipped and the rest go on; any other
     * error is thrown.
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
