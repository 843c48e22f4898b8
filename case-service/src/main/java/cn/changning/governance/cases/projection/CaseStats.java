package cn.changning.governance.cases.projection;

import java.util.List;

/**
 * Pre-aggregated counts of cases by step × street × grid × item class: one document per
 * combination that has cases, so a dashboard reads a few hundred small documents at most.
 *
 * @param buckets the combinations asked for, each with its count
 * @param total   the sum of their counts
 */
public record CaseStats(List<Bucket> buckets, long total) {

    /** A missing dimension (a report outside every grid, an item not in the catalogue) is kept as "-". */
    static final String NONE = "-";

    public record Bucket(String step, String streetCode, String gridCode, String itemClass, long count) {
    }

    static String key(String step, String streetCode, String gridCode, String itemClass) {
        return String.join("|", step, orNone(streetCode), orNone(gridCode), orNone(itemClass));
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }
}
