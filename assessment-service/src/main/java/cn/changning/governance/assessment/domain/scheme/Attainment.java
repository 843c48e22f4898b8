package cn.changning.governance.assessment.domain.scheme;

import cn.changning.governance.assessment.domain.indicator.Indicator;

/**
 * How much of its points an indicator earns against its target, 0–1, with the reason in words. Higher-is-better: the
 * value over the target, full at or above it. Lower-is-better (the target is a ceiling): full at or below the ceiling,
 * falling linearly to 0 at twice the ceiling (so a rework rate twice the tolerated one earns nothing).
 */
record Attainment(double share, String why) {

    static Attainment of(Indicator indicator, double value, double target) {
        if (indicator.higherIsBetter()) {
            if (value >= target) {
                return new Attainment(1, rate(value) + " meets the target " + rate(target));
            }
            double share = value / target;
            return new Attainment(share, rate(value) + " of the target " + rate(target) + " = " + SchemeWords.percent(share));
        }
        if (value <= target) {
            return new Attainment(1, rate(value) + " within the ceiling " + rate(target));
        }
        double share = Math.max(0, 1 - (value - target) / target);
        return new Attainment(share, rate(value) + " over the ceiling " + rate(target) + ": 1 " + SchemeWords.MINUS + " ("
                + rate(value) + " " + SchemeWords.MINUS + " " + rate(target) + ") / " + rate(target) + " = " + SchemeWords.percent(share));
    }

    private static String rate(double value) {
        return SchemeWords.rate(value);
    }

    /** Whether a target makes sense for the indicator: a rate's target in (0, 1]; a ceiling in (0, 1). */
    static boolean validTarget(Indicator indicator, double target) {
        return indicator.higherIsBetter() ? target > 0 && target <= 1 : target > 0 && target < 1;
    }
}
