package cn.changning.governance.common.consuming;

import cn.changning.governance.embedded.EmbeddedMongoServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotent, ordered read-model writes against the Mongo wire server (the engine the platform runs on). */
class VersionedDocumentsTest {

    static EmbeddedMongoServer server;
    static MongoClient client;
    MongoCollection<Document> views;

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.start(null, 0);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void emptyCollection() {
        views = client.getDatabase("test").getCollection("views");
        views.drop();
    }

    private static VersionedDocuments.VersionedWrite event(String id, long sequence, String step) {
        return VersionedDocuments.applyIfNewer(id, sequence, Updates.combine(Updates.set("step", step), Updates.inc("applied", 1)));
    }

    @Test
    void eventsApplyInOrderAndRecordTheLastSequence() {
        int skipped = VersionedDocuments.writeNewer(views, List.of(event("a", 0, "REPORTED"), event("a", 1, "FILED")));
        Document a = views.find(new Document("_id", "a")).first();
        assertThat(skipped).isZero();
        assertThat(a.getString("step")).isEqualTo("FILED");
        assertThat(a.get(VersionedDocuments.VERSION, Number.class).longValue()).isEqualTo(1);
        assertThat(a.getInteger("applied")).isEqualTo(2);
    }

    @Test
    void aRedeliveredOrOlderEventChangesNothingAndTheRestOfTheBatchStillApplies() {
        VersionedDocuments.writeNewer(views, List.of(event("a", 0, "REPORTED"), event("a", 1, "FILED")));
        int skipped = VersionedDocuments.writeNewer(views, List.of(
                event("a", 1, "FILED-AGAIN"),   // redelivered
                event("a", 0, "REPORTED-AGAIN"), // older after newer
                event("b", 0, "REPORTED"),      // later in the same batch: must still apply
                event("a", 2, "DISPATCHED")));
        assertThat(skipped).isEqualTo(2);
        Document a = views.find(new Document("_id", "a")).first();
        assertThat(a.getString("step")).isEqualTo("DISPATCHED");
        assertThat(a.getInteger("applied")).isEqualTo(3);
        assertThat(views.find(new Document("_id", "b")).first().getString("step")).isEqualTo("REPORTED");
    }
}
