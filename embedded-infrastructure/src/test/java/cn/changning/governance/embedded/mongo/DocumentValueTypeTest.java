package cn.changning.governance.embedded.mongo;

import cn.changning.governance.embedded.EmbeddedMongoServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Documents stored as BSON come back as they went in, across restarts, beside documents an older file holds. */
class DocumentValueTypeTest {

    @TempDir
    Path folder;

    /** A read-model document with every BSON type the wire carries to this platform's stores, and then some. */
    private static Document everyType(int i) {
        return new Document("_id", "case-" + i)
                .append("text", "井盖破损 " + i)
                .append("int32", i)
                .append("int64", 10_000_000_000L + i)
                .append("double", i + 0.25)
                .append("flag", i % 2 == 0)
                .append("nothing", null)
                .append("at", new Date(1_764_547_200_000L + i))
                .append("objectId", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("decimal", new Decimal128(new BigDecimal("12345.678")))
                .append("uuid", new Binary(BsonBinarySubType.UUID_STANDARD, new byte[16]))
                .append("bytes", new Binary(new byte[]{1, 2, 3}))
                .append("nested", new Document("street", "310105001").append("counts", new Document("open", i)))
                .append("list", List.of("a", i, new Document("k", "v")));
    }

    private static List<Document> documents(int n) {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            docs.add(everyType(i));
        }
        return docs;
    }

    @Test
    void documentsComeBackAsTheyWentInAcrossARestart() {
        List<Document> docs = documents(500);
        Path data = folder.resolve("mongo");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("read").getCollection("cases").insertMany(docs);
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("read").getCollection("cases");
            for (Document doc : docs) {
                assertThat(cases.find(eq("_id", doc.get("_id"))).first()).isEqualTo(doc);
            }
            assertThat(cases.countDocuments(eq("nested.street", "310105001"))).isEqualTo(docs.size());
        }
    }

    @Test
    void theStoredDocumentsAreBsonNotJavaSerialisation() {
        Path data = folder.resolve("mongo");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("read").getCollection("cases").insertMany(documents(10));
        }
        MVStore store = MVStore.open(data.resolve("mongo.mv").toString());
        try {
            // H2's own type does not know the tag: this is also why a file written now cannot go back to the old code
            assertThatThrownBy(() -> store.openMap(OrderedH2Backend.DATA_MAP_PREFIX + "read.cases",
                    new MVMap.Builder<Object, Object>().valueType(new ObjectDataType())).get("case-3"))
                    .isInstanceOf(MVStoreException.class)
                    .hasMessageContaining(String.valueOf(DocumentValueType.BSON_TAG));
        } finally {
            store.close();
        }
    }

    @Test
    void aFileOfJavaSerialisedDocumentsIsServedAndEachBecomesBsonWhenWritten() {
        List<Document> docs = documents(300);
        Path data = folder.resolve("mongo");
        PlainH2File.write(data, cases -> cases.insertMany(docs));

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("read").getCollection("cases");
            for (Document doc : docs) {
                assertThat(cases.find(eq("_id", doc.get("_id"))).first()).as("old %s", doc.get("_id")).isEqualTo(doc);
            }
            for (Document doc : docs.subList(0, 100)) {
                cases.updateOne(eq("_id", doc.get("_id")), Updates.set("int32", -1));
                doc.put("int32", -1);
            }
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("read").getCollection("cases");
            for (Document doc : docs) {
                assertThat(cases.find(eq("_id", doc.get("_id"))).first()).as("mixed %s", doc.get("_id")).isEqualTo(doc);
            }
        }
    }

    @Test
    void aValueBsonCannotHoldIsStoredAsBeforeAndReadBack() {
        DocumentValueType type = new DocumentValueType();
        de.bwaldvogel.mongo.bson.Document odd = new de.bwaldvogel.mongo.bson.Document("_id", "x").append("f", 1.5f);
        de.bwaldvogel.mongo.bson.Document plain = new de.bwaldvogel.mongo.bson.Document("_id", "y").append("n", 7);

        ByteBuffer oddBytes = written(type, odd);
        ByteBuffer plainBytes = written(type, plain);

        assertThat(oddBytes.get(0)).as("a float is not BSON: Java serialisation, as before").isNotEqualTo(DocumentValueType.BSON_TAG);
        assertThat(plainBytes.get(0)).isEqualTo(DocumentValueType.BSON_TAG);
        assertThat(type.read(oddBytes)).isEqualTo(odd);
        assertThat(type.read(plainBytes)).isEqualTo(plain);
        assertThat(oddBytes.remaining()).isZero();
        assertThat(plainBytes.remaining()).as("a read takes exactly its value's bytes").isZero();
    }

    private static ByteBuffer written(DocumentValueType type, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        return bytes;
    }

}
