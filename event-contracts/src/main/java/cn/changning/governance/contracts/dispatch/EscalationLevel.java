package cn.changning.governance.contracts.dispatch;

/** Which grid management centre follows a dispatch order up: the street's, or the district's after escalation. */
public enum EscalationLevel {
    STREET,
    DISTRICT
}
