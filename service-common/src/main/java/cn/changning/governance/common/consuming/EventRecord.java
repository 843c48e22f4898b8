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
 * @param traceparent the W3C trace context of the call that caused the event ({@code ce_traceparent}), or null
 * @param requestId   the request id of that call ({@code ce_requestid}), or null
 */
public record EventRecord(String id, String type, String subject, long sequence, Instant time,
                          byte[] data, String topic, int partition, long offset, String traceparent, String requestId) {

    /** An event that names no causing call. */
    public EventRecord(String id, String type, String subject, long sequence, Instant time,
                       byte[] data, String topic, int partition, long offset) {
        this(id, type, subject, sequence, time, data, topic, partition, offset, null, null);
    }

    /** Reads a record published by {@code KafkaEventPublisher}; a record without the headers is refused. */
    public static EventRecord of(ConsumerRecord<?, byte[]> record) {
        Headers headers = record.headers();
        return new EventRecord(
                required(headers, EventHeaders.ID),
                required(headers, EventHeaders.TYPE),
                required(headers, EventHeaders.SUBJECT),
                Long.parseLong(required(headers, EventHeaders.SEQUENCE)),
                Instant.parse(required(headers, EventHeaders.TIME)),
                record.value(), record.topic(), record.partition(), record.offset(),
                optional(headers, EventHeaders.TRACEPARENT), optional(headers, EventHeaders.REQUEST_ID));
    }

    /** The event's simple name, e.g. {@code CaseReported}, or null for types outside the published language (for logs and views; decode with {@link EventRouter}). */
    public String eventName() {
        return EventTypes.simpleName(type);
    }

    private static String required(Headers headers, String name) {
        String value = optional(headers, name);
        if (value == null) {
            throw new IllegalArgumentException("record lacks header " + name);
        }
        return value;
    }

    private static String optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
