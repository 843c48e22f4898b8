package cn.changning.governance.common.domain;

/**
 * A command refused by a rule of the domain. Aggregates throw it; the REST layer turns it
 * into problem+json with the {@code code} (stable, for partners to act on) and the field.
 * Plain Java on purpose: aggregates stay free of frameworks.
 */
public class DomainRuleViolation extends RuntimeException {

    public enum Kind {
        /** The request names something unknown or impossible (422). */
        INVALID_INPUT,
        /** The request is fine but the resource's state does not allow it now (409). */
        STATE_CONFLICT,
        /** Something the request refers to does not exist (404). */
        NOT_FOUND
    }

    private final Kind kind;
    private final String code;
    private final String field;

    public DomainRuleViolation(Kind kind, String code, String field, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    public static DomainRuleViolation invalid(String code, String field, String message) {
        return new DomainRuleViolation(Kind.INVALID_INPUT, code, field, message);
    }

    public static DomainRuleViolation conflict(String code, String message) {
        return new DomainRuleViolation(Kind.STATE_CONFLICT, code, null, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
