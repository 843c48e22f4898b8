package cn.changning.governance.cases.projection;

import cn.changning.governance.contracts.personal.SealedValue;
import org.bson.Document;

/**
 * A case's reporter as the read model holds it: sealed values only, or the mark that they were erased.
 *
 * @param name    null when not given or erased
 * @param contact null when not given or erased
 * @param email   null when not given (only Open311 reports give one) or erased
 */
public record ReporterState(SealedValue name, SealedValue contact, SealedValue email, boolean erased) {

    static ReporterState of(Document caseDocument) {
        Document reporter = caseDocument.get(CaseDocument.REPORTER, Document.class);
        if (reporter == null) {
            return new ReporterState(null, null, null, false);
        }
        return new ReporterState(sealed(reporter.get(CaseDocument.Reporter.NAME, Document.class)),
                sealed(reporter.get(CaseDocument.Reporter.CONTACT, Document.class)),
                sealed(reporter.get(CaseDocument.Reporter.EMAIL, Document.class)),
                Boolean.TRUE.equals(reporter.getBoolean(CaseDocument.Reporter.ERASED)));
    }

    private static SealedValue sealed(Document value) {
        return value == null ? null : new SealedValue(value.getString(CaseDocument.Reporter.SUBJECT),
                value.getString(CaseDocument.Reporter.CIPHERTEXT));
    }
}
