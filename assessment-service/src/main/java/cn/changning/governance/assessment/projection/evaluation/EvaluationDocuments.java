package cn.changning.governance.assessment.projection.evaluation;

/** The field names of the resident-evaluation read models, written once. */
public final class EvaluationDocuments {

    /** One document per recorded survey response: {@code _id} = {@code <surveyId>/<responseId>}. */
    public static final String RESPONSES = "survey_responses";
    public static final String SURVEY_ID = "surveyId";
    public static final String STREET_CODE = "streetCode";
    public static final String YEAR = "year";
    public static final String RESPONSE_ID = "responseId";
    public static final String CATEGORY = "respondentCategory";
    public static final String ANSWERED_ON = "answeredOn";
    /** The ids of the month, quarter and year the date falls in: a period's filter is one equality. */
    public static final String PERIODS = "periods";
    /** The response's score for the street, 0–100 (mean of the questions it answered). */
    public static final String SCORE = "score";
    /** Its score per agency type it answered about, 0–100. */
    public static final String TYPE_SCORES = "typeScores";
    /** The raw scores per question code. */
    public static final String SCORES = "scores";
    public static final String QUESTIONNAIRE = "questionnaireVersion";
    public static final String RECORDED_AT = "recordedAt";

    /** One document per case: its street and lead agency, and its last feedback. {@code _id} = case id. */
    public static final String FEEDBACK = "case_feedback";
    public static final String LEAD_AGENCY_ID = "leadAgencyId";
    public static final String SATISFACTION = "satisfaction";
    public static final String FEEDBACK_SCORE = "feedbackScore";
    public static final String FEEDBACK_AT = "feedbackAt";
    public static final String FEEDBACK_ON = "feedbackOn";

    private EvaluationDocuments() {
    }
}
