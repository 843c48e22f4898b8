package cn.changning.governance.common.web;

import cn.changning.governance.common.domain.DomainRuleViolation;

/**
 * A resource's version as an HTTP entity tag: the sequence number of its aggregate's last
 * event, quoted ({@code "3"}). {@code If-Match} carries it back for optimistic concurrency.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version asked for by an {@code If-Match} header, or null when the header is absent. */
    public static Long parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        // One strong entity-tag as the ETag header gave it ("3"). A weak tag (W/"3") never matches under If-Match's
        // strong comparison (RFC 9110 13.1.1), and an unquoted 3 is no entity-tag: refused, not read as a version.
        if (value.length() > 2 && value.startsWith("\"") && value.endsWith("\"")) {
            try {
                long version = Long.parseLong(value.substring(1, value.length() - 1));
                if (version >= 0) { // versions count from 0; "-1" is no ETag we ever gave
                    return version;
                }
            } catch (NumberFormatException e) {
                // below
            }
        }
        throw DomainRuleViolation.invalid("invalid-if-match", "If-Match",
                "If-Match must be the resource's ETag as given, quoted and strong, e.g. \"3\" (or *); got " + UntrustedText.excerpt(ifMatch));
    }
}
