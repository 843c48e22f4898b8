package cn.changning.governance.common.publishing;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The record the publisher writes for an event, with and without the call that caused it. */
class KafkaEventPublisherHeadersTest {

    record Reported(String caseId) {
    }

    final KafkaEventPublisher publisher = new KafkaEventPublisher(null, JacksonSerializer.defaultSerializer(),
            "governance.test.events", "/changning/test", Duration.ofSeconds(1));

    @Test
    void theCausingCallIsWrittenAsCloudEventsExtensions() {
        ProducerRecord<byte[], byte[]> record = publisher.toRecord(event(MetaData.with("traceparent",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").and("requestId", "req-7").and("other", "x")));

        assertThat(header(record, "ce_traceparent")).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(header(record, "ce_requestid")).isEqualTo("req-7");
        assertThat(header(record, "ce_other")).isNull();
        assertThat(header(record, "ce_subject")).isEqualTo("c-1");
    }

    @Test
    void anEventNoCallCausedHasNeither() {
        ProducerRecord<byte[], byte[]> record = publisher.toRecord(event(MetaData.emptyInstance()));

        assertThat(record.headers().lastHeader("ce_traceparent")).isNull();
        assertThat(record.headers().lastHeader("ce_requestid")).isNull();
        assertThat(header(record, "ce_id")).isNotNull();
    }

    private static GenericDomainEventMessage<Reported> event(MetaData metaData) {
        return new GenericDomainEventMessage<>("Case", "c-1", 0, new Reported("c-1"), metaData);
    }

    private static String header(ProducerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
