package cn.changning.governance.benchmarks.core;

/**
 * A goal of the issue, checked against a figure of this run. Ratio goals compare a throughput to
 * a raw limit measured in the same run; bound goals compare a latency to a fixed bound.
 *
 * @param measured    what was measured (NaN when the scenario was not available)
 * @param reference   the raw limit or bound it is held against
 * @param ratio       measured / reference (for ratio goals), or NaN
 * @param status      MET, MISSED or NOT MEASURED
 * @param explanation one line: how it was computed and, when missed, what limits it
 */
public record Goal(String name, String requirement, double measured, double reference, double ratio,
                   String status, String explanation) {

    public static final String MET = "MET";
    public static final String MISSED = "MISSED";
    public static final String NOT_MEASURED = "NOT MEASURED";

    /** measured ≥ factor × reference. */
    public static Goal atLeastRatio(String name, String requirement, double measured, double reference, double factor,
                                    String explanation) {
        if (Double.isNaN(measured) || Double.isNaN(reference) || reference <= 0) {
            return new Goal(name, requirement, measured, reference, Double.NaN, NOT_MEASURED, explanation);
        }
        double ratio = measured / reference;
        return new Goal(name, requirement, measured, reference, ratio, ratio >= factor ? MET : MISSED, explanation);
    }

    /** measured ≤ bound. */
    public static Goal atMost(String name, String requirement, double measured, double bound, String explanation) {
        if (Double.isNaN(measured) || Double.isNaN(bound)) {
            return new Goal(name, requirement, measured, bound, Double.NaN, NOT_MEASURED, explanation);
        }
        return new Goal(name, requirement, measured, bound, measured / bound, measured <= bound ? MET : MISSED, explanation);
    }

    public Goal explainedAs(String text) {
        return new Goal(name, requirement, measured, reference, ratio, status, text);
    }
}
