package cn.changning.governance.common.web;

/** A request body names an actor other than the caller its token proves (403, naming the field). */
public class ActorMismatchException extends RuntimeException {

    private final String field;

    public ActorMismatchException(String field, String named, String caller) {
        super(field + " names " + UntrustedText.excerpt(named) + ", but the caller is " + caller + ": a caller acts only as itself");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
