package cn.changning.governance.assessment.domain.scheme;

/** A what-if variant that cannot be applied, naming the field at fault (the REST layer answers 400 with it). */
public class VariantRefused extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public VariantRefused(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
