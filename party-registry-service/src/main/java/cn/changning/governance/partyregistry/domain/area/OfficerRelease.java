package cn.changning.governance.partyregistry.domain.area;

/**
 * What a release answers: the area's new version, and whether the officer left before serving the 5 years (a warning,
 * not a refusal).
 */
public record OfficerRelease(long version, boolean leftWithinFiveYears) {
}
