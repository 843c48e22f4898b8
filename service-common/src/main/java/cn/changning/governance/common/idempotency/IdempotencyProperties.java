package cn.changning.governance.common.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * How long a client's Idempotency-Key is remembered and how the store is kept ({@code governance.idempotency.*}).
 *
 * @param enabled         false turns the filter off (the header is then ignored)
 * @param retention       how long a first answer is replayed; an older record is ignored and purged (default 24 h)
 * @param inFlightTimeout how long a request may hold its key before a retry takes it over: longer than any request
 *                        may run, so that only a crashed one is taken over (default 1 min)
 * @param purgeInterval   how often records past the retention are deleted (default 10 min)
 * @param maxBody         the largest request body a key is taken with (it is kept in memory to fingerprint
 *                        and hand on); larger ones are refused with 413 (default 1 MB)
 */
@ConfigurationProperties(prefix = "governance.idempotency")
public record IdempotencyProperties(Boolean enabled, Duration retention, Duration inFlightTimeout,
                                    Duration purgeInterval, DataSize maxBody) {

    public IdempotencyProperties {
        enabled = enabled == null || enabled;
        retention = retention == null ? Duration.ofHours(24) : retention;
        inFlightTimeout = inFlightTimeout == null ? Duration.ofMinutes(1) : inFlightTimeout;
        purgeInterval = purgeInterval == null ? Duration.ofMinutes(10) : purgeInterval;
        maxBody = maxBody == null ? DataSize.ofMegabytes(1) : maxBody;
        if (retention.isNegative() || retention.isZero() || inFlightTimeout.isNegative() || inFlightTimeout.isZero()
                || purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("governance.idempotency durations must be positive");
        }
    }
}
