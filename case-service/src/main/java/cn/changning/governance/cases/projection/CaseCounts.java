package cn.changning.governance.cases.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pre-aggregated case counts by step × street × grid × item class, one document per source
 * partition of the case topic:
 * {@code {_id: "<topic>/<partition>", offset: <last record counted>, counts: {"<bucket key>": n}}}.
 *
 * <p>Why per partition and with an offset: moving a case between buckets and writing the case
 * document are two writes, and the store has no transactions. A partition's counts and the offset
 * of the last record they include change together, in one atomic update that expects the offset
 * read before the batch, and they are written before the case documents. A batch redelivered
 * after a crash therefore counts nothing twice (records at or below the stored offset are not
 * counted again) while the case documents, idempotent by version, catch up. One consumer owns a
 * partition at a time; should another have moved its offset meanwhile, the update matches
 * nothing and the batch is retried from what is stored.</p>
 *
 * <p>Readers sum a handful of small documents, however many cases there are; no update scans the
 * cases.</p>
 */
public final class CaseCounts {

    // The counts document's field names: this class owns them (the benchmark seeder writes the same shape).
    public static final String COLLECTION = "case_counts";
    /** The source: {@code "<topic>/<partition>"} (see {@link #source}), or a seeder's name of its own. */
    public static final String ID = "_id";
    /** The offset of the last record of the source counted. */
    public static final String OFFSET = "offset";
    /** The counts by bucket key ({@link CaseStats#key}); a sub-document, see {@link #bucketPath}. */
    public static final String COUNTS = "counts";
    private static final long NOTHING_COUNTED = -1;

    private final MongoTemplate mongo;

    CaseCounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The path of one bucket's count, {@code counts.<bucket key>}, for an increment. */
    public static String bucketPath(String bucket) {
        return CaseDocument.path(COUNTS, bucket);
    }

    /** The counts document of a topic partition. */
    static String source(String topic, int partition) {
        return topic + "/" + partition;
    }

    /** The offset up to which each of these partitions is counted; absent ones have counted nothing. */
    Map<String, Long> countedUpTo(Collection<String> sources) {
        Map<String, Long> offsets = new HashMap<>();
        sources.forEach(s -> offsets.put(s, NOTHING_COUNTED));
        for (Document d : collection().find(Filters.in(ID, sources))) {
            offsets.put(d.getString(ID), d.get(OFFSET, Number.class).longValue());
        }
        return offsets;
    }

    /**
     * Adds a batch's moves to a partition's counts and moves its offset on, if the offset is still
     * {@code expectedOffset}.
     *
     * @throws ConcurrentCountException when another consumer counted this partition meanwhile
     */
    void add(String source, long expectedOffset, long newOffset, Map<String, Long> moves) {
        List<Bson> updates = new ArrayList<>();
        moves.forEach((bucket, n) -> {
            if (n != 0) {
                updates.add(Updates.inc(bucketPath(bucket), n));
            }
        });
        updates.add(Updates.set(OFFSET, newOffset));
        if (expectedOffset == NOTHING_COUNTED) {
            Document first = new Document(ID, source).append(OFFSET, newOffset).append(COUNTS, new Document());
            moves.forEach((bucket, n) -> first.get(COUNTS, Document.class).append(bucket, n));
            try {
                collection().insertOne(first);
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                throw new ConcurrentCountException(source);
            }
        }
        // The wire server scans for a filter beyond _id; this collection has a document per partition.
        long matched = collection().updateOne(
                Filters.and(Filters.eq(ID, source), Filters.eq(OFFSET, expectedOffset)),
                Updates.combine(updates)).getMatchedCount();
        if (matched == 0) {
            throw new ConcurrentCountException(source);
        }
    }

    /** Every bucket's count, summed over the partitions, in key order. */
    Map<String, Long> totals() {
        Map<String, Long> totals = new TreeMap<>();
        for (Document d : collection().find()) {
            Document counts = d.get(COUNTS, Document.class);
            if (counts != null) {
                counts.forEach((bucket, n) -> totals.merge(bucket, ((Number) n).longValue(), Long::sum));
            }
        }
        return totals;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /** Another consumer counted the partition since this one read its offset: retry the batch. */
    static final class ConcurrentCountException extends IllegalStateException {
        ConcurrentCountException(String source) {
            super("the case counts of " + source + " were moved on by another consumer; the batch is retried");
        }
    }
}
