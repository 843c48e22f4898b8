package cn.changning.governance.common.web;

/** A resource the request names does not exist (404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super("No " + what + " with id " + UntrustedText.excerpt(id));
    }
}
