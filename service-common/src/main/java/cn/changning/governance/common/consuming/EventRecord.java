package cn.changning.governance.common.consuming;

import cn.changning.governance.contracts.EventHeaders;
import cn.changning.governance.contracts.EventTypes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One published event as a consumer sees it: its CloudEvents attributes and its JSON data.
 *
 * @param subject  the aggregate id (the record key)
 * @param sequence the event's sequence number in its aggregate: consumers apply an event only
 *                 when it is above the last they applied for that aggregate
 */
public record EventRecord(String id, String type, String subject, long sequence, Instant time,
                          byte[] data, String topic, int partition, long offset) {

    /** Reads a record published by {@code KafkaEventPublisher}; a record without the headers is refused. */
    public static EventRecord of(ConsumerRecord<?, byte[]> record) {
        Headers headers = record.headers();
        return new EventRecord(
                required(headers, EventHeaders.ID),
                required(headers, EventHeaders.TYPE),
                required(headers, EventHeaders.SUBJECT),
                Long.parseLong(required(headers, EventHeaders.SEQUENCE)),
                Instant.parse(required(headers, EventHeaders.TIME)),
                record.value(), record.topic(), record.partition(), record.offset());
    }

    /** The event's simple name, e.g. {@code CaseReported}, or null for types outside the published language (for logs and views; decode with {@link EventRouter}). */
    public String eventName() {
        return EventTypes.simpleName(type);
    }

    private static String required(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            throw new IllegalArgumentException("record lacks header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
