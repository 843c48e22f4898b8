package cn.changning.governance.cases.api.open311;

import org.springframework.http.HttpStatus;

/** A refusal the facade answers as GeoReport v2's error list: its status, and a description naming the field. */
public final class Open311Exception extends RuntimeException {

    private final HttpStatus status;

    private Open311Exception(HttpStatus status, String description) {
        super(description);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    static Open311Exception badRequest(String description) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, description);
    }

    static Open311Exception notFound(String description) {
        return new Open311Exception(HttpStatus.NOT_FOUND, description);
    }

    static Open311Exception forbidden(String description) {
        return new Open311Exception(HttpStatus.FORBIDDEN, description);
    }
}
