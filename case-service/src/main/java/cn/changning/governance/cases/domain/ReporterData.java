package cn.changning.governance.cases.domain;

/** Where a case reporter's personal data is sealed: one data subject per case, two fields. */
public final class ReporterData {

    public static final String NAME = "reporter.name";
    public static final String CONTACT = "reporter.contact";

    private ReporterData() {
    }

    /** The reporter's data subject: {@code case-reporter:<caseId>}. */
    public static String subject(String caseId) {
        return "case-reporter:" + caseId;
    }
}
