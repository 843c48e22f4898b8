package cn.changning.governance.localstack;

import cn.changning.governance.contracts.Topics;
import cn.changning.governance.embedded.EmbeddedInfrastructure;

/**
 * The engines the services need, ready for them: PostgreSQL with each service's database and its keys database,
 * Kafka with the platform's topics, the Mongo wire server. The local stack starts its services on them; alone
 * ({@code java -jar local-stack-exec.jar --engines-only}) they serve services started as processes of their own,
 * as {@code deploy/separate-processes.sh} does.
 */
final class EmbeddedEngines {

    private EmbeddedEngines() {
    }

    /** Starts the engines and makes the databases and topics; on failure stops what was started and throws. */
    static EmbeddedInfrastructure start(LocalStackSettings settings) {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(new EmbeddedInfrastructure.Settings(
                settings.dataDirectory(), settings.postgresPort(), settings.kafkaPort(), settings.mongoPort(),
                settings.durable(), true));
        try {
            for (LocalStack.Service service : LocalStack.SERVICES) {
                infrastructure.postgres().ensureDatabase(service.database());
                infrastructure.postgres().ensureDatabase(service.database() + "_keys"); // personal-data keys
            }
            infrastructure.kafka().createTopics(Topics.ALL, settings.topicPartitions());
            return infrastructure;
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    /** What a service started on its own needs to be told: deploy/README.md's variables, for these engines. */
    static String describe(EmbeddedInfrastructure infrastructure) {
        return String.format("%nEmbedded engines are up. Ctrl-C stops them.%n%n"
                        + "  GOVERNANCE_POSTGRES_URL=jdbc:postgresql://127.0.0.1:%d  (user %s, password %s; a database per service)%n"
                        + "  GOVERNANCE_KAFKA_BOOTSTRAP=%s  (topics %s)%n"
                        + "  GOVERNANCE_MONGO_URI=%s%n",
                infrastructure.postgres().port(), infrastructure.postgres().username(), infrastructure.postgres().password(),
                infrastructure.kafka().bootstrapServers(), String.join(", ", Topics.ALL),
                infrastructure.mongo().connectionString());
    }
}
