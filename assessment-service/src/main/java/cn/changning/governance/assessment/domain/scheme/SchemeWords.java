package cn.changning.governance.assessment.domain.scheme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers as the bases and explanations print them, and the rounding every line uses (2 decimals, half up). */
final class SchemeWords {

    static final String MINUS = "\u2212";

    private SchemeWords() {
    }

    /** Points are kept to 2 decimals, so that lines add up exactly to the printed total. */
    static double round(double points) {
        return BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** A number without needless decimals: 30, 16.67, 2.29. */
    static String num(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value); // Infinity or NaN, as a refusal names it
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    /** A rate 0–1 with 3 decimals. */
    static String rate(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A score 0–100 with 1 decimal. */
    static String score(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A change of points with its sign: +2.25, −3 (the minus sign, not a hyphen). */
    static String signed(double change) {
        double r = round(change);
        return (r < 0 ? MINUS : "+") + num(Math.abs(r));
    }
}
