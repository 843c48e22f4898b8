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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotent, ordered read-model writes against the Mongo wire server (the engine the platform
 * runs on), with each guard: the in-memory check the wire server gets, and the conditional write
 * real MongoDB gets (the wire server understands its filter, only slowly).
 */
class VersionedDocumentsTest {

    final VersionedDocuments fast = new VersionedDocuments(VersionedDocuments.Guard.IN_MEMORY_CHECK);
    final VersionedDocuments conditional = new VersionedDocuments(VersionedDocuments.Guard.CONDITIONAL_WRITE);

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
    void theWireServerIsToldApartFromRealMongoDb() {
        assertThat(VersionedDocuments.forServer(client.getDatabase("test")).guard())
                .isEqualTo(VersionedDocuments.Guard.IN_MEMORY_CHECK);
    }

    @ParameterizedTest
    @EnumSource(VersionedDocuments.Guard.class)
    void eventsApplyInOrderAndRecordTheLastSequence(VersionedDocuments.Guard guard) {
        int skipped = new VersionedDocuments(guard).writeNewer(views, List.of(event("a", 0, "REPORTED"), event("a", 1, "FILED")));
        Document a = views.find(new Document("_id", "a")).first();
        assertThat(skipped).isZero();
        assertThat(a.getString("step")).isEqualTo("FILED");
        assertThat(a.get(VersionedDocuments.VERSION, Number.class).longValue()).isEqualTo(1);
        assertThat(a.getInteger("applied")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(VersionedDocuments.Guard.class)
    void aRedeliveredOrOlderEventChangesNothingAndTheRestOfTheBatchStillApplies(VersionedDocuments.Guard guard) {
        VersionedDocuments documents = new VersionedDocuments(guard);
        documents.writeNewer(views, List.of(event("a", 0, "REPORTED"), event("a", 1, "FILED")));
        int skipped = documents.writeNewer(views, List.of(
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

    /**
     * A consumer that lost its partition read version 1, and meanwhile the new owner wrote up to
     * version 3: with the conditional write, the stale consumer's write of version 2 changes nothing;
     * with the in-memory check alone it would roll the document back (which is why that guard is
     * kept for the one-machine wire server only).
     */
    @Test
    void aStaleConsumerCannotRollADocumentBackWhenTheWriteIsConditional() {
        conditional.writeNewer(views, List.of(event("a", 0, "REPORTED"), event("a", 1, "FILED")));
        Map<Object, Long> staleRead = VersionedDocuments.versionsOf(views, List.of("a"));
        conditional.writeNewer(views, List.of(event("a", 2, "DISPATCHED"), event("a", 3, "HANDLED")));

        int skipped = conditional.writeNewer(views, List.of(event("a", 2, "DISPATCHED-BY-THE-STALE-ONE"), event("b", 0, "REPORTED")), staleRead);
        assertThat(skipped).isEqualTo(1);
        Document a = views.find(new Document("_id", "a")).first();
        assertThat(a.getString("step")).isEqualTo("HANDLED");
        assertThat(a.get(VersionedDocuments.VERSION, Number.class).longValue()).isEqualTo(3);
        assertThat(views.find(new Document("_id", "b")).first()).isNotNull();

        fast.writeNewer(views, List.of(event("a", 2, "ROLLED-BACK")), staleRead);
        assertThat(views.find(new Document("_id", "a")).first().getString("step"))
                .as("the in-memory check alone trusts the stale read").isEqualTo("ROLLED-BACK");
    }
}
