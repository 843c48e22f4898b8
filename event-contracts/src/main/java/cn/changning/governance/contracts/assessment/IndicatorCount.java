package cn.changning.governance.contracts.assessment;

/** An indicator as the two counts it is made of (its value is numerator / denominator, none when 0/0). */
public record IndicatorCount(String indicator, long numerator, long denominator) {
}
