package cn.changning.governance.common.web;

/**
 * The version a client expects a resource to be at, from its {@code If-Match} header (the ETag it
 * last read, see {@link ETags}). Declare it as a controller method parameter, after the request
 * body; {@link ExpectedVersionArgumentResolver} fills it and the OpenAPI document shows the header.
 * The header stays optional.
 *
 * @param ifMatch the header as sent, null when absent
 */
public record ExpectedVersion(String ifMatch) {

    public static final String HEADER = "If-Match";

    /**
     * The version asked for, or null when the header is absent or {@code *}. Parsed when asked, so
     * a malformed header is refused (400, {@code invalid-if-match}) at the point where the
     * action reads it, after the action's own checks of its input.
     */
    public Long value() {
        return ETags.parseIfMatch(ifMatch);
    }
}
