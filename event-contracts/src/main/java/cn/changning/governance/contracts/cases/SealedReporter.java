package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.personal.SealedValue;

/**
 * Who reported the problem, sealed under the subject {@code case-reporter:<caseId>} (fields {@code reporter.name},
 * {@code reporter.contact} and {@code reporter.email}): only the case service opens them, for a caller with
 * {@code cases:personal-data}, until the reporter is erased ({@link CaseReporterErased}).
 *
 * @param name    null when not given
 * @param contact a phone number or another way to reach the reporter; null when not given
 * @param email   null when not given, and in every event recorded before it was added (an optional field: old
 *                records read as they are, no upcaster)
 */
public record SealedReporter(SealedValue name, SealedValue contact, SealedValue email) {

    /** A reporter without an email, as every report but Open311's gives it. */
    public SealedReporter(SealedValue name, SealedValue contact) {
        this(name, contact, null);
    }
}
