package cn.changning.governance.assessment.domain.evaluation;

/**
 * What residents said of a subject (a street or an agency) in a period: the satisfaction survey's respondents and
 * mean score, and the per-case feedback on cases it handled. Scores are 0–100; a part with no answers has no score
 * (null), never 0.
 *
 * @param respondents   distinct survey respondents (the street's coverage counts these against 1,000 a year)
 * @param surveyScore   mean survey score, 0–100, or null
 * @param feedbackCount cases with resident feedback (CaseFeedbackRecorded)
 * @param feedbackScore mean feedback score, 0–100 (satisfied 100, basically satisfied 80, dissatisfied 0), or null
 */
public record ResidentEvaluation(long respondents, Double surveyScore, long feedbackCount, Double feedbackScore) {

    public static final ResidentEvaluation NONE = new ResidentEvaluation(0, null, 0, null);

    public ResidentEvaluation {
        if (respondents < 0 || feedbackCount < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
        checkScore(surveyScore, "surveyScore");
        checkScore(feedbackScore, "feedbackScore");
    }

    private static void checkScore(Double score, String name) {
        if (score != null && (score.isNaN() || score < 0 || score > 100)) {
            throw new IllegalArgumentException(name + " " + score + " is outside 0-100");
        }
    }
}
