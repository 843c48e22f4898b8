package cn.changning.governance.contracts.assessment;

/** What residents said of a subject in a period: survey respondents and mean score, case feedback count and mean score (0–100, null when none). */
public record ResidentFigures(long respondents, Double surveyScore, long feedbackCount, Double feedbackScore) {
}
