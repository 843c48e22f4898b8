package cn.changning.governance.common.publishing;

import cn.changning.governance.common.tracing.TraceMetadata;
import cn.changning.governance.contracts.EventHeaders;
import cn.changning.governance.contracts.EventTypes;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every stored event, in order, to the service's topic. It runs in a tracking
 * processor over the event store, which is thereby the outbox: each event of a batch is
 * handed to the producer at once, and before the batch's unit of work commits (and with it
 * the token) all sends are awaited together. A send that fails rolls the token back and the
 * processor retries the batch, so Kafka sees every event at least once and none is lost.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = KafkaEventPublisher.class.getName() + ".pendingSends";

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final Serializer eventSerializer;
    private final String topic;
    private final String source;
    private final Duration sendTimeout;

    /**
     * @param eventSerializer the event store's (JSON) serializer: an event read from the store is
     *                        published in the form it was stored in, never deserialized and written again
     */
    public KafkaEventPublisher(KafkaTemplate<byte[], byte[]> kafka, Serializer eventSerializer,
                               String topic, String source, Duration sendTimeout) {
        this.kafka = kafka;
        this.eventSerializer = eventSerializer;
        this.topic = topic;
        this.source = source;
        this.sendTimeout = sendTimeout;
    }

    @EventHandler
    public void publish(EventMessage<?> event) {
        pendingSends().add(kafka.send(toRecord(event)));
    }

    ProducerRecord<byte[], byte[]> toRecord(EventMessage<?> event) {
        String subject = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
        long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0L;
        Class<?> type = event.getPayloadType();
        boolean published = EventTypes.isPublished(type);

        RecordHeaders headers = new RecordHeaders();
        header(headers, EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_VALUE);
        header(headers, EventHeaders.ID, event.getIdentifier());
        header(headers, EventHeaders.TYPE, published ? EventTypes.cloudEventType(type) : type.getName());
        header(headers, EventHeaders.SOURCE, source);
        header(headers, EventHeaders.SUBJECT, subject);
        header(headers, EventHeaders.TIME, event.getTimestamp().toString());
        header(headers, EventHeaders.SEQUENCE, Long.toString(sequence));
        header(headers, EventHeaders.CONTENT_TYPE, "application/json");
        if (published) {
            header(headers, EventHeaders.DATA_SCHEMA, EventTypes.schemaPath(type));
        }
        // The call that caused the event, where one did (Axon's correlation data, see common.tracing).
        optionalHeader(headers, EventHeaders.TRACEPARENT, event.getMetaData().get(TraceMetadata.TRACEPARENT));
        optionalHeader(headers, EventHeaders.REQUEST_ID, event.getMetaData().get(TraceMetadata.REQUEST_ID));
        return new ProducerRecord<>(topic, null, event.getTimestamp().toEpochMilli(),
                subject.getBytes(StandardCharsets.UTF_8), event.serializePayload(eventSerializer, byte[].class).getData(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void optionalHeader(RecordHeaders headers, String name, Object value) {
        if (value instanceof String text && !text.isEmpty()) {
            header(headers, name, text);
        }
    }

    /** The sends of the current batch; the first send of a batch registers the wait before commit. */
    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAll(sends));
            return sends;
        });
    }

    private void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublicationFailed("interrupted while awaiting Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublicationFailed("Kafka did not acknowledge " + sends.size() + " events on " + topic, e);
        }
    }

    /** Thrown before commit so the batch's token is not stored and the batch is retried. */
    public static class EventPublicationFailed extends RuntimeException {
        EventPublicationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
