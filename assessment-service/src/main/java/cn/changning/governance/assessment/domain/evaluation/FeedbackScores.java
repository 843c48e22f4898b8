package cn.changning.governance.assessment.domain.evaluation;

import cn.changning.governance.contracts.cases.Satisfaction;

/** A resident's feedback on a case on the 0–100 scale, as {@link ResidentEvaluation} counts it. */
public final class FeedbackScores {

    private FeedbackScores() {
    }

    public static int of(Satisfaction satisfaction) {
        return switch (satisfaction) {
            case SATISFIED -> 100;
            case BASICALLY_SATISFIED -> 80;
            case DISSATISFIED -> 0;
        };
    }
}
