package cn.changning.governance.dispatch.projection;

/**
 * Where an open order sits in one agency's work queue, from that agency's part and the order's clock. Each open
 * order an agency has a part in is in exactly one of its buckets.
 */
public enum QueueBucket {
    /** The agency has not accepted its part yet. */
    AWAITING_ACCEPTANCE,
    /** Accepted (or its part done) and not yet due soon. */
    IN_PROGRESS,
    /** Accepted, 80% of the time has passed. */
    DUE_SOON,
    /** Accepted, past the deadline. */
    OVERDUE,
    /** The agency returned its part; the street has to arbitrate. */
    AWAITING_ARBITRATION;

    /** The bucket of an agency's part in a given state, on an open order with the given clock flags. */
    static QueueBucket of(String partState, boolean dueSoon, boolean overdue) {
        return switch (partState) {
            case "AWAITING_ACCEPTANCE" -> AWAITING_ACCEPTANCE;
            case "RETURNED" -> AWAITING_ARBITRATION;
            default -> overdue ? OVERDUE : dueSoon ? DUE_SOON : IN_PROGRESS;
        };
    }
}
