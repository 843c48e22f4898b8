package cn.changning.governance.common.health;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Mongo health by {@code ping}, which real MongoDB and the wire server both answer
 * (Boot's own indicator sends {@code hello}, which the wire server does not know).
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongoTemplate;

    public MongoPingHealthIndicator(MongoTemplate mongoTemplate) {
        super("MongoDB ping failed");
        this.mongoTemplate = mongoTemplate;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document result = mongoTemplate.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongoTemplate.getDb().getName()).withDetail("ok", result.get("ok"));
    }
}
