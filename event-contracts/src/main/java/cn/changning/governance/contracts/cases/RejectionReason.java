package cn.changning.governance.contracts.cases;

/** Why a report was not filed as a case. */
public enum RejectionReason {
    /** Not a real problem, or not verifiable on site. */
    INVALID,
    /** Real, but not a management item of the district's catalogue. */
    OUT_OF_SCOPE,
    /** The same problem as an open case already reported (see {@code duplicateOf}). */
    DUPLICATE
}
