package cn.changning.governance.contracts.cases;

/** Who discovered the problem: the first of the six steps. */
public enum ReportSource {
    GRID_SUPERVISOR_PATROL,
    RESIDENT,
    HOTLINE_12345,
    PARTNER_SYSTEM,
    CAMERA
}
