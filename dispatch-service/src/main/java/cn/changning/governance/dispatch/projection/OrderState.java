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
    REWORKED;

    public boolean isOpen() {
        return this != HANDLED && this != REWORKED;
    }
}
