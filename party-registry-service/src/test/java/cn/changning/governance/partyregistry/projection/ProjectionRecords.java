package cn.changning.governance.partyregistry.projection;

import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.Topics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.UUID;

/** Registry events as the topic delivers them, and a fresh database on the shared embedded Mongo, for projection tests. */
public final class ProjectionRecords implements AutoCloseable {

    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    public static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

    private final MongoClient client;
    public final MongoTemplate mongo;

    public ProjectionRecords(String name) {
        client = MongoClients.create(SharedInfrastructure.get().mongo().connectionString());
        mongo = new MongoTemplate(client, name + "_" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static EventRecord record(String subject, long sequence, Object payload) {
        try {
            return new EventRecord(subject + "-" + sequence, EventTypes.cloudEventType(payload.getClass()), subject, sequence,
                    AT.plusSeconds(sequence), JSON.writeValueAsBytes(payload), Topics.PARTY_REGISTRY_EVENTS, 0, sequence);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        mongo.getDb().drop();
        client.close();
    }
}
