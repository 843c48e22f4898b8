package cn.changning.governance.assessment.domain.scheme;

import cn.changning.governance.assessment.domain.scoring.Grade;

/**
 * Where the grades start: a total at or above {@code excellent} is EXCELLENT, at or above {@code good} GOOD, at or above
 * {@code pass} PASS, else FAIL. Made only through {@link #of}, which refuses bands out of order.
 */
public record GradeBands(double excellent, double good, double pass) {

    public GradeBands {
        String problem = problem(excellent, good, pass);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public static GradeBands of(double excellent, double good, double pass) {
        return new GradeBands(excellent, good, pass);
    }

    /** Why these bands cannot be used, or null: they must rise strictly, 0 &lt; pass &lt; good &lt; excellent &le; 100. */
    public static String problem(double excellent, double good, double pass) {
        if (!(pass > 0 && pass < good && good < excellent && excellent <= 100)) {
            return "bands must rise strictly: 0 < pass < good < excellent <= 100, not pass " + SchemeWords.num(pass)
                    + ", good " + SchemeWords.num(good) + ", excellent " + SchemeWords.num(excellent);
        }
        return null;
    }

    public Grade grade(double total) {
        if (total >= excellent) {
            return Grade.EXCELLENT;
        }
        if (total >= good) {
            return Grade.GOOD;
        }
        return total >= pass ? Grade.PASS : Grade.FAIL;
    }
}
