package cn.changning.governance.cases.domain;

/** Where a case stands in the six-step closed loop. */
public enum CaseStep {
    REPORTED
}
