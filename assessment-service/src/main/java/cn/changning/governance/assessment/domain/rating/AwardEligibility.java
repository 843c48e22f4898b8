package cn.changning.governance.assessment.domain.rating;

import cn.changning.governance.contracts.assessment.AgencyGrade;

/**
 * The rule of the year's excellence award: an agency's head is eligible only when the agency was rated EXCELLENT by
 * its department, which the veto rule allows only where its street rated it EXCELLENT too. Any other grade makes the
 * head ineligible; the reason names the grades.
 */
public record AwardEligibility(boolean eligible, String reason) {

    public static AwardEligibility of(AgencyGrade streetGrade, AgencyGrade departmentGrade) {
        if (departmentGrade == AgencyGrade.EXCELLENT && streetGrade == AgencyGrade.EXCELLENT) {
            return new AwardEligibility(true, "rated EXCELLENT by its street and by its department");
        }
        String street = streetGrade == null ? "the street has not confirmed its rating" : "the street rated it " + streetGrade;
        return new AwardEligibility(false, "not rated EXCELLENT: the department rated it " + departmentGrade + ", " + street);
    }
}
