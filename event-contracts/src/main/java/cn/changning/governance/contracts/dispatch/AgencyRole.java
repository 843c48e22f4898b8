package cn.changning.governance.contracts.dispatch;

/** An agency's part in a dispatch order: the lead (牵头) handles and reports, assistants (协办) confirm their part. */
public enum AgencyRole {
    LEAD,
    ASSIST
}
