package cn.changning.governance.assessment.domain.scheme;

/** The areas of work the district's assessment items of streets fall in (our reading of the reform). */
public enum AssessmentCategory {
    RESIDENT_SATISFACTION,
    URBAN_MANAGEMENT,
    PUBLIC_SAFETY,
    COMMUNITY_SERVICES,
    PARTY_BUILDING,
    GRASSROOTS_GOVERNANCE
}
