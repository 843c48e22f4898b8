package cn.changning.governance.benchmarks.support;

import cn.changning.governance.benchmarks.core.Await;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How far a consumer group is behind the end of its topic, from Kafka's own offsets. Scenarios
 * wait (bounded) for the platform's projections to catch up before measuring the next thing,
 * so one scenario's backlog does not load the next.
 */
public final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    public ConsumerLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    public long lag(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (var e : committed.entrySet()) {
                long end = ends.get(e.getKey()).offset();
                lag += Math.max(0, end - (e.getValue() == null ? 0 : e.getValue().offset()));
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e);
        }
    }

    /** The summed end offsets of a topic's partitions: how many records it has ever held. */
    public long endOffsets(String topic) {
        try {
            var description = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            long end = 0;
            for (var e : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values()) {
                end += e.offset();
            }
            return end;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    /**
     * Polls until every consumer group has caught up and returns how long that took, in nanoseconds from the call;
     * -1 when the time ran out first. The resolution is the poll interval (plus two admin round trips).
     */
    public long nanosUntilAllCaughtUp(Duration timeout, Duration interval) {
        long start = System.nanoTime();
        return Await.until(() -> lagOfAllGroups() == 0, timeout, interval) ? System.nanoTime() - start : -1;
    }

    /** The summed lag of every consumer group on the broker: the platform's projections and policies. */
    public long lagOfAllGroups() {
        try {
            long lag = 0;
            for (var group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                lag += lag(group.groupId());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the consumer groups", e);
        }
    }

    /**
     * Waits until every consumer group has caught up (a case filed sets off the dispatch service,
     * whose events come back to the case service: one group caught up is not the platform at rest);
     * returns the lag left when the time ran out (0 when caught up).
     */
    public long awaitAllCaughtUp(Duration timeout) {
        Await.until(() -> lagOfAllGroups() == 0, timeout, Duration.ofMillis(250));
        return lagOfAllGroups();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
