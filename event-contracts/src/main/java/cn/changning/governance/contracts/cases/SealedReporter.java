package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.personal.SealedValue;

/**
 * Who reported the problem, sealed under the subject {@code case-reporter:<caseId>} (fields {@code reporter.name} and
 * {@code reporter.contact}): only the case service opens them, for a caller with {@code cases:personal-data}, until
 * the reporter is erased ({@link CaseReporterErased}).
 *
 * @param name    null when not given
 * @param contact a phone number or another way to reach the reporter; null when not given
 */
public record SealedReporter(SealedValue name, SealedValue contact) {
}
