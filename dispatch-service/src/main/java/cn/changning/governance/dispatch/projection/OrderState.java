package cn.changning.governance.dispatch.projection;

/** Where a dispatch order stands, as the read models show it. */
public enum OrderState {
    /** The lead has not accepted yet. */
    AWAITING_ACCEPTANCE,
    /** The lead accepted and is handling it. */
    IN_PROGRESS,
    /** An agency returned its part; the street has to reassign it or uphold the dispatch. */
    AWAITING_ARBITRATION,
    /** The lead reported; assisting agencies have yet to confirm their parts. */
    AWAITING_CONFIRMATION,
    HANDLED,
    /** Sent back for rework; the next round's order carries on. */
    REWORKED,
    /** Closed without handling: the case was rejected or linked as a duplicate. */
    WITHDRAWN;

    /** The states of an order that is closed, for the queries' filters. */
    public static final java.util.List<OrderState> CLOSED = java.util.List.of(HANDLED, REWORKED, WITHDRAWN);

    public boolean isOpen() {
        return !CLOSED.contains(this);
    }
}
