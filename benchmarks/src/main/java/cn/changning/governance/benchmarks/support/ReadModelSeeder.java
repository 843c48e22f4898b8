package cn.changning.governance.benchmarks.support;

import cn.changning.governance.cases.projection.CaseCounts;
import cn.changning.governance.cases.projection.CaseStats;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Grid;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.changning.governance.cases.projection.CaseDocument.*;

/**
 * Fills the case service's read model ({@code cases} and the pre-aggregated {@code case_counts})
 * with bulk writes of documents shaped as the case projection writes them: cases spread over
 * every grid, over a year of reports and over the steps of the loop, each counted in the bucket
 * of its step, street, grid and item class, as the projection counts them.
 */
public final class ReadModelSeeder {

    private static final String[] STEPS = {"REPORTED", "FILED", "DISPATCHED", "HANDLED", "VERIFIED", "CLOSED", "CLOSED",
            "CLOSED", "ASSESSED", "ASSESSED"};
    private static final String[] CLASSES = {"EVENT", "COMPONENT"};

    /** The counts document of the seeded cases ({@code case_counts} keeps one per source). */
    static final String SEED_SOURCE = "benchmark-seed";

    private final List<Grid> grids = Geography.load().grids();

    /** Seeds up to {@code cases} cases, stopping between writes once {@code timeCap} is spent; returns how many. */
    public long seed(String mongoUri, String database, long cases, Duration timeCap) {
        Instant now = Instant.now();
        long deadline = System.nanoTime() + timeCap.toNanos();
        long added = 0;
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> docs = client.getDatabase(database).getCollection(COLLECTION);
            MongoCollection<Document> counts = client.getDatabase(database).getCollection(CaseCounts.COLLECTION);
            int batch = 10_000;
            for (long from = 0; from < cases && System.nanoTime() < deadline; from += batch) {
                List<Document> page = new ArrayList<>(batch);
                Map<String, Integer> buckets = new LinkedHashMap<>();
                for (long i = from; i < Math.min(cases, from + batch); i++) {
                    Document d = caseDocument(i, now);
                    page.add(d);
                    buckets.merge(CaseStats.key(d.getString(STEP), d.getString(STREET_CODE), d.getString(GRID_CODE),
                            d.getString(ITEM_CLASS)), 1, Integer::sum);
                }
                docs.insertMany(page, new InsertManyOptions().ordered(false));
                // The seeded cases are counted in a counts document of their own, beside the topic partitions'.
                List<Bson> incs = new ArrayList<>();
                buckets.forEach((key, n) -> incs.add(Updates.inc(CaseCounts.bucketPath(key), n)));
                counts.updateOne(Filters.eq(CaseCounts.ID, SEED_SOURCE), Updates.combine(incs), new UpdateOptions().upsert(true));
                added += page.size();
            }
        }
        return added;
    }

    Document caseDocument(long i, Instant now) {
        Grid grid = grids.get((int) (i % grids.size()));
        String step = STEPS[(int) ((i / grids.size()) % STEPS.length)];
        boolean open = !(step.equals("CLOSED") || step.equals("ASSESSED"));
        Instant reported = now.minus(Duration.ofMinutes(i % 525_600));
        Date reportedAt = Date.from(reported);
        Date filedAt = Date.from(reported.plusSeconds(60));
        String id = new UUID(0x5eed5eed_00000000L | (i >>> 32), 0x8000_0000_0000_0000L | i).toString();
        return new Document(ID, id)
                .append(STEP, step).append(OPEN, open).append(SUSPENDED, false)
                .append(ITEM_CODE, "1101").append(ITEM_NAME, "Exposed rubbish").append(ITEM_CLASS, CLASSES[(int) (i % 2)])
                .append(CATEGORY, "city appearance").append(HANDLING_TYPE, "A").append(PERSISTENT_PROBLEM, false)
                .append(GRID_CODE, grid.code()).append(STREET_CODE, grid.subdistrictCode())
                .append(LOCATION, new Document(Location.LATITUDE, 31.212).append(Location.LONGITUDE, 121.4075)
                        .append(Location.GRID_CODE, grid.code()).append(Location.ADDRESS, "Bus stop " + i))
                .append(DESCRIPTION, "Rubbish bags piled at the bus stop " + i)
                .append(SOURCE, "RESIDENT").append(REPORTED_AT, reportedAt).append(FILED_AT, filedAt)
                .append(DEADLINE, Date.from(reported.plus(Duration.ofDays(2)))).append(ROUND, 0)
                .append(TIMELINE, List.of(
                        new Document(Timeline.SEQUENCE, 0L).append(Timeline.EVENT, "CaseReported")
                                .append(Timeline.AT, reportedAt).append(Timeline.BY, "RESIDENT"),
                        new Document(Timeline.SEQUENCE, 1L).append(Timeline.EVENT, "CaseFiled")
                                .append(Timeline.AT, filedAt).append(Timeline.BY, "operator-1")))
                .append(DUPLICATES, List.of())
                .append(UPDATED_AT, filedAt).append(VERSION, 1L);
    }
}
