package cn.changning.governance.cases.projection;

import java.util.List;

/**
 * Counts of cases by step × street × grid × item class, read from the pre-aggregated
 * {@link CaseCounts}: a dashboard reads a handful of small documents, whatever the number of cases.
 *
 * @param buckets the combinations asked for, each with its count
 * @param total   the sum of their counts
 */
public record CaseStats(List<Bucket> buckets, long total) {

    /** A missing dimension (a report outside every grid, an item not in the catalogue) is kept as "-". */
    static final String NONE = "-";

    public record Bucket(String step, String streetCode, String gridCode, String itemClass, long count) {
    }

    /** The bucket's key in the pre-aggregated counts: {@code step|street|grid|itemClass}. */
    public static String key(String step, String streetCode, String gridCode, String itemClass) {
        return String.join("|", step, orNone(streetCode), orNone(gridCode), orNone(itemClass));
    }

    static String stepOf(String key) {
        return key.substring(0, key.indexOf('|'));
    }

    /** The bucket's four dimensions, in key order; "-" where one is missing. */
    static String[] dimensionsOf(String key) {
        return key.split("\\|", -1);
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }
}
