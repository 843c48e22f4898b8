package cn.changning.governance.common.web;

/**
 * The version a client expects a resource to be at, from its {@code If-Match} header (the ETag it
 * last read, see {@link ETags}). Declare it as a controller method parameter, after the request
 * body; {@link ExpectedVersionArgumentResolver} fills it and the OpenAPI document shows the header.
 *
 * <p>The header is required on every state change (RFC 9110 and RFC 6585): without it the request
 * is refused with 428 Precondition Required ({@link PreconditionRequiredException}) before the
 * action runs; a version that is not the current one is refused with 412 Precondition Failed
 * ({@link ProblemDetailsAdvice}); {@code If-Match: *} asks for whatever the current version is.</p>
 *
 * @param ifMatch the header as sent, never null (see the resolver)
 */
public record ExpectedVersion(String ifMatch) {

    public static final String HEADER = "If-Match";
    /** RFC 9110's "any current representation". */
    public static final String ANY = "*";

    /**
     * The version asked for, or null for {@code *} (any current version). Parsed when asked, so
     * a malformed header is refused (422, {@code invalid-if-match}) at the point where the
     * action reads it, after the action's own checks of its input.
     */
    public Long value() {
        return ETags.parseIfMatch(ifMatch);
    }
}
