package cn.changning.governance.contracts.dispatch;

/** Why an agency sent a dispatch order back to the street (退单). */
public enum ReturnReason {
    /** Another agency is responsible. */
    WRONG_AGENCY,
    /** The agency's remit does not cover this kind of problem or place. */
    OUTSIDE_REMIT,
    /** The case lacks what the agency needs to act (place, photos, description). */
    INSUFFICIENT_INFORMATION
}
