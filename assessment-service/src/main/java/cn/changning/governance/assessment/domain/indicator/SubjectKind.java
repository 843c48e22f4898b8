package cn.changning.governance.assessment.domain.indicator;

/** Whom an indicator or a score is about: a stationed agency (or a street's own team), or a street (or the town). */
public enum SubjectKind {
    AGENCY,
    STREET
}
