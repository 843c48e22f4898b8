package cn.changning.governance.common.eventstore;

import cn.changning.governance.common.config.GovernanceProperties;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.TimeUnit;

/**
 * Axon's JDBC storage engine on the service's own PostgreSQL database, with snake_case
 * table and column names (Flyway's {@code db/axon} creates them), and an event store that
 * polls every {@code governance.publisher.fetch-delay} (100 ms) when idle instead of Axon's 1 s, so
 * events stored by another instance reach the publisher quickly.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /** Replaces Axon's (AnnotationRevisionResolver): see {@link PublishedEventRevisions}. */
    @Bean
    public org.axonframework.serialization.RevisionResolver revisionResolver() {
        return new PublishedEventRevisions();
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Axon's JDBC token store, as its auto-configuration would make it, but owned by the
     * instance's stable name when {@code governance.instance-id} is set: an instance restarted
     * after a crash takes its processors' segments back at once, where a new owner name (Axon's
     * default is pid@host) waits for the dead owner's claim to time out.
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                                 ObjectProvider<TokenStoreProperties> tokenStoreProperties, GovernanceProperties properties) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer);
        TokenStoreProperties tokens = tokenStoreProperties.getIfAvailable();
        if (tokens != null && tokens.getClaimTimeout() != null) {
            builder.claimTimeout(tokens.getClaimTimeout());
        }
        if (properties.instanceId() != null && !properties.instanceId().isBlank()) {
            builder.nodeId(properties.serviceName() + "@" + properties.instanceId());
        }
        return builder.build();
    }

    /** Declared here because Axon's JDBC auto-configuration steps back once an EventSchema or EventStore bean exists. */
    @Bean
    public EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer serializer,
                                                 Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(new PostgresDuplicateKeyResolver())
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    @Bean
    public EventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                 GovernanceProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.publisher().fetchDelay().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }
}
