package cn.changning.governance.common.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * What each service says about itself; everything else is shared wiring.
 *
 * @param serviceName  e.g. {@code case-service}: names its config file, Flyway folder and CloudEvents source
 * @param eventsTopic  the Kafka topic its events are published to
 * @param publisher    the store-to-Kafka publisher's tuning
 * @param instanceId   what this instance of the service is called, stable across its restarts and
 *                     unique among the instances running at once (e.g. a StatefulSet's pod name).
 *                     When set, the instance claims back its own Kafka partitions (static group
 *                     membership) and its own event-processor segments (Axon's token owner) at
 *                     once after a crash; unset, it waits for the dead instance's session and claims
 *                     to time out (tens of seconds). Two running instances must never share one.
 */
@ConfigurationProperties(prefix = "governance")
public record GovernanceProperties(String serviceName, String eventsTopic, Publisher publisher, String instanceId) {

    public GovernanceProperties {
        if (instanceId != null && !instanceId.isBlank() && !instanceId.matches("[A-Za-z0-9._-]{1,200}")) {
            // It becomes part of Kafka's group.instance.id, which allows only these characters.
            throw new IllegalArgumentException("governance.instance-id (GOVERNANCE_INSTANCE_ID) may hold only letters, digits,"
                    + " '.', '_' and '-'; was '" + instanceId + "'");
        }
        if (publisher == null) {
            publisher = new Publisher(null, 0, null, null);
        }
    }

    public String cloudEventsSource() {
        return "/changning/" + serviceName;
    }

    public String deadLetterTopic() {
        return "governance.dead-letters." + serviceName;
    }

    /**
     * @param enabled     false only for tools that must not publish (e.g. a read-only replica)
     * @param batchSize   events per batch; the token advances once Kafka acknowledged the whole batch
     * @param fetchDelay  how long the store's reader waits before polling again when idle (default 100 ms).
     *                    Events appended by this instance wake the reader at once; the delay only bounds
     *                    how late it sees another instance's events, so a short one buys little and costs
     *                    a query every few milliseconds on an idle service.
     * @param sendTimeout how long a batch may wait for Kafka's acknowledgement before it is retried
     */
    public record Publisher(Boolean enabled, int batchSize, Duration fetchDelay, Duration sendTimeout) {

        // Any field left out keeps its default: setting one governance.publisher.* property alone
        // must not leave the others null.
        public Publisher {
            enabled = enabled == null || enabled;
            batchSize = batchSize > 0 ? batchSize : 500;
            fetchDelay = fetchDelay != null ? fetchDelay : Duration.ofMillis(100);
            sendTimeout = sendTimeout != null ? sendTimeout : Duration.ofSeconds(30);
        }
    }
}
