package cn.changning.governance.assessment.domain.evaluation;

/** Who answered a survey, as a category only: the survey holds no personal data. */
public enum RespondentCategory {
    RESIDENT,
    /** 驻区单位: a unit (school, hospital, company) located in the street. */
    RESIDENT_UNIT,
    BUSINESS,
    /** 两代表一委员: a deputy to the people's congress or the party congress, or a member of the CPPCC. */
    DEPUTY_OR_MEMBER
}
