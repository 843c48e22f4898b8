package cn.changning.governance.dispatch.domain;

/** Where one agency's part of an order stands. */
public enum PartState {
    AWAITING_ACCEPTANCE,
    ACCEPTED,
    /** Sent back to the street, awaiting its arbitration. */
    RETURNED,
    /** The lead reported its handling, or an assistant confirmed its part. */
    DONE
}
