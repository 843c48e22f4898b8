package cn.changning.governance.contracts.assessment;

/** One line of a published score card: what was measured, its raw value, what it could earn and what it earned. */
public record PublishedScoreLine(String component, String label, Double value, double maxPoints, double points, String basis) {
}
