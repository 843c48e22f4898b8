package cn.changning.governance.assessment.domain.evaluation;

/** A street's survey of a year is one aggregate: {@code <streetCode>:<year>}, e.g. {@code 310105001:2026}. */
public final class SurveyIds {

    private SurveyIds() {
    }

    public static String of(String streetCode, int year) {
        return streetCode + ":" + year;
    }
}
