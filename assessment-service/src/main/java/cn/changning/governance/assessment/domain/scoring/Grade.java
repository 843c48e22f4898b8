package cn.changning.governance.assessment.domain.scoring;

/** The grade of an agency's assessment (优 / 良 / 合格 / 不合格), from its score by the scheme's bands. */
public enum Grade {
    EXCELLENT,
    GOOD,
    PASS,
    FAIL
}
