package cn.changning.governance.common.consuming;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Consumer;

/**
 * One {@link EventConsumer} as the Spring Cloud Stream function its binding calls. A class of its
 * own with its generic type spelled out, because the function catalog binds only functions whose
 * type it can resolve: a lambda, or a bean built by a generic factory, shows it none.
 *
 * <p>It reads the batch's raw records ({@code kafka_data}, which the common batch converter adds)
 * rather than the converted payload, so each event keeps its topic, partition, offset and
 * CloudEvents headers, and the container's error handler can name a failed record by its index.</p>
 */
final class EventConsumerFunction implements Consumer<Message<List<byte[]>>> {

    private final String name;
    private final EventBatchHandler handler;

    EventConsumerFunction(String name, EventBatchHandler handler) {
        this.name = name;
        this.handler = handler;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        handler.onMessage(rawRecords(batch));
    }

    @SuppressWarnings("unchecked")
    private List<ConsumerRecord<byte[], byte[]>> rawRecords(Message<?> message) {
        Object raw = message.getHeaders().get(KafkaHeaders.RAW_DATA);
        if (!(raw instanceof List<?> records)) {
            throw new IllegalStateException(name + ": the batch carries no raw records; is the binding's converter "
                    + ConsumerConfiguration.BATCH_CONVERTER + "?");
        }
        return (List<ConsumerRecord<byte[], byte[]>>) records;
    }
}
