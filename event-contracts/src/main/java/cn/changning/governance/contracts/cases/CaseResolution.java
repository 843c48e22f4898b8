package cn.changning.governance.contracts.cases;

/** How a case ended: fixed, or closed although not fixed (kept apart for honest closure rates). */
public enum CaseResolution {
    FIXED,
    CLOSED_NOT_FIXED
}
