package cn.changning.governance.common.consuming;

import java.util.List;

/**
 * A projection or policy that reads event topics: declare one as a bean and the common
 * wiring runs it in its own Kafka consumer group, in batches, with retries and dead letters.
 *
 * @param name      how it appears in logs and metrics, e.g. {@code case-projection}
 * @param group     its Kafka consumer group: its own offsets, so it can be reset and replayed alone
 * @param topics    the topics it reads
 * @param processor what it does with each batch (in partition order)
 */
public record EventConsumer(String name, String group, List<String> topics, EventBatchHandler.BatchProcessor processor) {
}
