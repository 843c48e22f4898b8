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
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw DomainRuleViolation.invalid("invalid-if-match", "If-Match",
                    "If-Match must be the resource's ETag, e.g. \"3\"; got " + UntrustedText.excerpt(ifMatch));
        }
    }
}
