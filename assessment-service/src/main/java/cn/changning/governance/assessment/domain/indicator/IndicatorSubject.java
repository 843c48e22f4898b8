package cn.changning.governance.assessment.domain.indicator;

import java.util.Objects;

/** Whom a set of indicators is about: an agency by its id, or a street by its code. */
public record IndicatorSubject(SubjectKind kind, String id) {

    public IndicatorSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static IndicatorSubject agency(String agencyId) {
        return new IndicatorSubject(SubjectKind.AGENCY, agencyId);
    }

    public static IndicatorSubject street(String streetCode) {
        return new IndicatorSubject(SubjectKind.STREET, streetCode);
    }
}
