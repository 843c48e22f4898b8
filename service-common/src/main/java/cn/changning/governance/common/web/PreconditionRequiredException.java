package cn.changning.governance.common.web;

/** A state change came without the {@code If-Match} header it requires (428 Precondition Required, RFC 6585). */
public class PreconditionRequiredException extends RuntimeException {

    private final String header;

    public PreconditionRequiredException(String header) {
        super(header + " is required on every change: send the resource's ETag as last read (or * for any current version)");
        this.header = header;
    }

    public String header() {
        return header;
    }
}
