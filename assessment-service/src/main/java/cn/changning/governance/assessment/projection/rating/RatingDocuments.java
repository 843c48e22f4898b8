package cn.changning.governance.assessment.projection.rating;

/** The ratings' read models: collections and field names, written once (the projection writes them, the queries read them). */
public final class RatingDocuments {

    private RatingDocuments() {
    }

    /** One document per period (_id = the period id). */
    public static final String PERIODS = "assessment_periods";
    /** One document per agency and period (_id = the agency assessment's id). */
    public static final String AGENCY_RATINGS = "assessment_agency_ratings";
    /** One document per street and year (_id = the street assessment's id). */
    public static final String STREET_SHEETS = "assessment_street_sheets";

    public static final String PERIOD_ID = "periodId";
    public static final String PERIOD_KIND = "periodKind";
    public static final String AGENCY_SCHEME_ID = "agencySchemeId";
    public static final String STREET_SCHEME_ID = "streetSchemeId";
    /** OPEN, SCORED, CONFIRMED. */
    public static final String STATE = "state";
    public static final String AGENCIES_SCORED = "agenciesScored";
    public static final String STREETS_SCORED = "streetsScored";
    public static final String OPENED_AT = "openedAt";
    public static final String SCORED_AT = "scoredAt";
    public static final String CONFIRMED_AT = "confirmedAt";

    public static final String AGENCY_ID = "agencyId";
    public static final String STREET_CODE = "streetCode";
    public static final String AGENCY_TYPE = "agencyType";
    public static final String PARENT_DEPARTMENT = "parentDepartment";
    /** The published inputs (AgencyScoringInputs / StreetScoringInputs) as a sub-document. */
    public static final String INPUTS = "inputs";
    /** The published card as a sub-document (a street's card as scored; corrections are in {@link #ITEM_CORRECTIONS}). */
    public static final String CARD = "card";
    public static final String TOTAL = "total";
    public static final String PROPOSED_GRADE = "proposedGrade";
    public static final String STREET_GRADE = "streetGrade";
    public static final String STREET_REASON = "streetReason";
    public static final String STREET_RATED_BY = "streetRatedBy";
    public static final String DEPARTMENT_GRADE = "departmentGrade";
    public static final String DEPARTMENT_CODE = "departmentCode";
    public static final String HEAD_STAFF_ID = "headStaffId";
    public static final String CORRECTIONS = "corrections";
    public static final String CORRECTION_COUNT = "correctionCount";
    public static final String ELIGIBLE = "eligible";
    public static final String ELIGIBILITY_REASON = "eligibilityReason";

    public static final String YEAR = "year";
    /** item code → points the district recorded. */
    public static final String RECORDED_ITEMS = "recordedItems";
    /** item code → points after corrections. */
    public static final String ITEM_CORRECTIONS = "itemCorrections";
    public static final String CONFIRMED = "confirmed";
}
