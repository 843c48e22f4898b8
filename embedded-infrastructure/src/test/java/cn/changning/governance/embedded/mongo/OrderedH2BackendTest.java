package cn.changning.governance.embedded.mongo;

import cn.changning.governance.embedded.EmbeddedMongoServer;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unique indexes keyed in MongoDB's value order find and refuse what they did, across restarts and an old file. */
class OrderedH2BackendTest {

    @TempDir
    Path folder;

    /** Keys of several types, as read models have them: strings, numbers of three kinds, compound keys. */
    private static List<Document> documents(int n) {
        Random random = new Random(16);
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object code = switch (i % 3) {
                case 0 -> "code-" + random.nextInt(1_000_000) + "-" + i;
                case 1 -> (long) i * 7919;
                default -> i + 0.5;
            };
            docs.add(new Document("_id", "case-" + Integer.toString(i, 36) + "-" + random.nextInt(1000))
                    .append("code", code)
                    .append("street", "3101050" + (i % 13)).append("seq", i));
        }
        return docs;
    }

    private static void createIndexes(MongoCollection<Document> cases) {
        cases.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
        cases.createIndex(Indexes.ascending("street", "seq"), new IndexOptions().unique(true));
    }

    private static void assertEveryKeyFoundAndUnique(MongoCollection<Document> cases, List<Document> docs) {
        assertThat(cases.countDocuments()).isEqualTo(docs.size());
        for (Document doc : docs) {
            assertThat(cases.find(eq("_id", doc.get("_id"))).first()).as("by _id %s", doc.get("_id"))
                    .isNotNull().extracting(d -> d.get("seq")).isEqualTo(doc.get("seq"));
        }
        for (Document doc : docs.subList(0, 50)) {
            Document twin = new Document("_id", "twin-" + doc.get("_id")).append("code", doc.get("code"))
                    .append("street", "other").append("seq", -1);
            assertThatThrownBy(() -> cases.insertOne(twin)).as("same code as %s", doc.get("_id"))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            Document sameId = new Document("_id", doc.get("_id")).append("code", "fresh-" + doc.get("seq"));
            assertThatThrownBy(() -> cases.insertOne(sameId)).isInstanceOf(MongoWriteException.class);
        }
        assertThat(cases.countDocuments()).isEqualTo(docs.size());
    }

    @Test
    void keysOfEveryTypeAreFoundAndRefusedTwiceAfterARestart() {
        List<Document> docs = documents(3_000);
        Path data = folder.resolve("mongo");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("read").getCollection("cases");
            createIndexes(cases);
            cases.insertMany(docs);
            assertEveryKeyFoundAndUnique(cases, docs);
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertEveryKeyFoundAndUnique(client.getDatabase("read").getCollection("cases"), docs);
        }
    }

    /** MongoDB tells {a:1,b:2} from {b:2,a:1}; so did the byte comparison; Java's Map.equals does not. */
    @Test
    void embeddedDocumentsWithTheSameFieldsInAnotherOrderAreDifferentKeys() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(folder.resolve("mongo"), 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> places = client.getDatabase("read").getCollection("places");
            places.createIndex(Indexes.ascending("at"), new IndexOptions().unique(true));
            places.insertOne(new Document("_id", 1).append("at", new Document("x", 1).append("y", 2)));
            places.insertOne(new Document("_id", 2).append("at", new Document("y", 2).append("x", 1)));
            assertThatThrownBy(() -> places.insertOne(new Document("_id", 3).append("at", new Document("x", 1).append("y", 2))))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(places.countDocuments()).isEqualTo(2);
        }
    }

    @Test
    void aFileWrittenByThePlainH2BackendIsRebuiltOnceInTheNewOrder() {
        List<Document> docs = documents(3_000);
        Path data = folder.resolve("mongo");
        PlainH2File.write(data, cases -> {
            createIndexes(cases);
            cases.insertMany(docs);
        });

        OrderedH2Backend reopened = new OrderedH2Backend(data.resolve("mongo.mv").toString());
        reopened.close();
        // _id, code, street+seq: three index maps of 3,000 keys each, rebuilt once; a second start rebuilds nothing
        OrderedH2Backend again = new OrderedH2Backend(data.resolve("mongo.mv").toString());
        assertThat(IndexKeyOrder.ensure(again.getMvStore())).isZero();
        again.close();

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertEveryKeyFoundAndUnique(client.getDatabase("read").getCollection("cases"), docs);
        }
    }
}
