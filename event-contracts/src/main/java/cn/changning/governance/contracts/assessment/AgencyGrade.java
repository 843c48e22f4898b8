package cn.changning.governance.contracts.assessment;

/** An agency's grade in the published language (优 / 良 / 合格 / 不合格). */
public enum AgencyGrade {
    EXCELLENT,
    GOOD,
    PASS,
    FAIL
}
