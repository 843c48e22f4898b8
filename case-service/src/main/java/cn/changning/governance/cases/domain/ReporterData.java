package cn.changning.governance.cases.domain;

/** Where a case reporter's personal data is sealed: one data subject per case, three fields. */
public final class ReporterData {

    public static final String NAME = "reporter.name";
    public static final String CONTACT = "reporter.contact";
    /** Only Open311 reports give one. */
    public static final String EMAIL = "reporter.email";

    private ReporterData() {
    }

    /** The reporter's data subject: {@code case-reporter:<caseId>}. */
    public static String subject(String caseId) {
        return "case-reporter:" + caseId;
    }
}
