package cn.changning.governance.assessment.domain.period;

/** How long a reporting or assessment period is: a calendar month, quarter or year. */
public enum PeriodKind {
    MONTH,
    QUARTER,
    YEAR
}
