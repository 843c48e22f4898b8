package cn.changning.governance.contracts.cases;

/** Who reported the problem, in clear: {@link CaseReportedV1} only. v2 seals it ({@link SealedReporter}). */
public record Reporter(String name, String contact) {
}
