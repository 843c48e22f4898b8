package cn.changning.governance.assessment.domain.scheme;

/** How an assessment item of a street is measured. */
public enum ItemMeasure {
    /** From what residents said: points in proportion to the survey's score (or the case feedback's), 0–100. */
    SATISFACTION,
    /** From an indicator of the events, against a target (a ceiling for a lower-is-better one). */
    INDICATOR,
    /** Points the district records for work no event measures; none recorded earns 0. */
    RECORDED
}
