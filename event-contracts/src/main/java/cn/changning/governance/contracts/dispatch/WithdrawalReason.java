package cn.changning.governance.contracts.dispatch;

/** Why the street withdrew a dispatch order: the case it served is no longer to be handled. */
public enum WithdrawalReason {
    /** The case was rejected (invalid, out of scope) after its order was issued. */
    CASE_REJECTED,
    /** The case was linked as a duplicate of another case; the original's order carries the work. */
    CASE_LINKED_AS_DUPLICATE
}
