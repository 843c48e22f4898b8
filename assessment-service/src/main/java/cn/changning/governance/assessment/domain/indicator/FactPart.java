package cn.changning.governance.assessment.domain.indicator;

/** Which count of an indicator a listing of facts is about. */
public enum FactPart {
    NUMERATOR,
    DENOMINATOR
}
