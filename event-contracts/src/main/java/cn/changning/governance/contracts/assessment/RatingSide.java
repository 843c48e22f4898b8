package cn.changning.governance.contracts.assessment;

/** Which of an agency's two ratings (dual management) an event is about. */
public enum RatingSide {
    STREET,
    DEPARTMENT
}
