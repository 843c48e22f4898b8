package cn.changning.governance.assessment.domain.indicator;

/**
 * An indicator's value as the two counts it is made of: the value is a fact you can check, not a number to take on
 * trust. A ratio with nothing in its denominator has no value (not 0, not 100%).
 */
public record Ratio(long numerator, long denominator) {

    public static final Ratio NONE = new Ratio(0, 0);

    public Ratio {
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("counts are never negative: " + numerator + "/" + denominator);
        }
    }

    /** numerator / denominator, or null when the denominator is 0. */
    public Double value() {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    public Ratio plus(Ratio other) {
        return new Ratio(numerator + other.numerator, denominator + other.denominator);
    }
}
