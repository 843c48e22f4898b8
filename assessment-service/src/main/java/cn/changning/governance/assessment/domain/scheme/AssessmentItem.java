package cn.changning.governance.assessment.domain.scheme;

import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;

import java.util.Objects;

/**
 * One of the district's assessment items of a street: what it is, what it is worth and how it is measured. Only the
 * fields of its measure are set: {@code source} for SATISFACTION, {@code indicator} and {@code target} for INDICATOR,
 * {@code recordedOutOf} for RECORDED (the scale the district records on, which stays when a scheme rescales the item).
 */
public record AssessmentItem(String code, String name, String nameZh, AssessmentCategory category, double points,
                             ItemMeasure measure, SatisfactionSource source, Indicator indicator, Double target,
                             Double recordedOutOf) {

    public AssessmentItem {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("an item has no code");
        }
        String entry = "item " + code;
        if (name == null || name.isBlank() || nameZh == null || nameZh.isBlank()) {
            throw new IllegalArgumentException(entry + ": name and nameZh are required");
        }
        Objects.requireNonNull(category, entry + ": category");
        Objects.requireNonNull(measure, entry + ": measure");
        if (!(points >= 0)) {
            throw new IllegalArgumentException(entry + ": points " + points + " are negative");
        }
        boolean satisfaction = measure == ItemMeasure.SATISFACTION;
        boolean byIndicator = measure == ItemMeasure.INDICATOR;
        boolean recorded = measure == ItemMeasure.RECORDED;
        if (satisfaction != (source != null) || byIndicator != (indicator != null) || byIndicator != (target != null)
                || recorded != (recordedOutOf != null)) {
            throw new IllegalArgumentException(entry + ": a " + measure + " item takes "
                    + (satisfaction ? "source" : byIndicator ? "indicator and target" : "recordedOutOf") + " and no other measure's fields");
        }
        if (byIndicator && !indicator.subjects().contains(SubjectKind.STREET)) {
            throw new IllegalArgumentException(entry + ": " + indicator + " is not counted for streets");
        }
        if (byIndicator && !Attainment.validTarget(indicator, target)) {
            throw new IllegalArgumentException(entry + ": target " + target + " is not a rate in (0, 1)");
        }
        if (recorded && !(recordedOutOf > 0)) {
            throw new IllegalArgumentException(entry + ": recordedOutOf " + recordedOutOf + " must be positive");
        }
    }

    AssessmentItem withPoints(double newPoints) {
        return new AssessmentItem(code, name, nameZh, category, newPoints, measure, source, indicator, target, recordedOutOf);
    }
}
