package cn.changning.governance.assessment.domain.rating;

import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.rating.AgencyRatingCommands.ConfirmStreetRating;
import cn.changning.governance.assessment.domain.rating.AgencyRatingCommands.CorrectAgencyRating;
import cn.changning.governance.assessment.domain.rating.AgencyRatingCommands.ProposeAgencyRating;
import cn.changning.governance.assessment.domain.rating.AgencyRatingCommands.RateAgencyByDepartment;
import cn.changning.governance.assessment.domain.scoring.AgencyInputs;
import cn.changning.governance.assessment.domain.scoring.Grade;
import cn.changning.governance.assessment.domain.scoring.ScoreCard;
import cn.changning.governance.assessment.domain.scoring.ScoreLine;
import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.assessment.AgencyAssessmentOpened;
import cn.changning.governance.contracts.assessment.AgencyGrade;
import cn.changning.governance.contracts.assessment.AgencyHeadAwardEligibilityDetermined;
import cn.changning.governance.contracts.assessment.AgencyRatedByDepartment;
import cn.changning.governance.contracts.assessment.AgencyRatedByStreet;
import cn.changning.governance.contracts.assessment.AgencyRatingCorrected;
import cn.changning.governance.contracts.assessment.AgencyRatingProposed;
import cn.changning.governance.contracts.assessment.RatingSide;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** THE VETO RULE, THE HEAD'S ELIGIBILITY and corrections of an agency's dual rating: one rule per test. */
class AgencyAssessmentTest {

    static final String YEAR = "2031";
    static final String AGENCY = "310105001-squad";
    static final String ID = AgencyAssessment.idOf(YEAR, AGENCY);
    static final String STREET = "310105001";
    static final String DEPT = "DISTRICT_CITY_MANAGEMENT_BUREAU";
    static final Instant AT = Instant.parse("2032-01-10T02:00:00Z");

    AggregateTestFixture<AgencyAssessment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AgencyAssessment.class);
    }

    static AgencyAssessmentOpened opened(String periodId, String parent) {
        return new AgencyAssessmentOpened(AgencyAssessment.idOf(periodId, AGENCY), periodId, AGENCY, STREET,
                "CITY_MANAGEMENT_SQUAD", parent, "scoring", AT);
    }

    static ScoreCard card(Grade grade, double total) {
        return new ScoreCard("test-agency.v1", total, grade, List.of(new ScoreLine("HANDLING_RATE", "handling rate", 0.9, 100, total, "test")));
    }

    static AgencyInputs inputs() {
        return new AgencyInputs(AGENCY, STREET, IndicatorValues.EMPTY, ResidentEvaluation.NONE);
    }

    static AgencyRatingProposed proposed(String periodId, Grade grade) {
        return new AgencyRatingProposed(AgencyAssessment.idOf(periodId, AGENCY), periodId, AGENCY,
                PublishedScores.inputs(inputs()), PublishedScores.card(card(grade, 91)), "scoring", AT);
    }

    static AgencyRatedByStreet street(AgencyGrade grade) {
        return new AgencyRatedByStreet(ID, YEAR, AGENCY, STREET, grade, grade, null, "street-310105001", AT);
    }

    static AgencyRatedByDepartment department(AgencyGrade grade) {
        return new AgencyRatedByDepartment(ID, YEAR, AGENCY, DEPT, grade, "head-0042", "dept-cm", AT);
    }

    static RateAgencyByDepartment rate(Grade grade) {
        return new RateAgencyByDepartment(ID, DEPT, grade, "head-0042", "dept-cm", AT, null);
    }

    // ---- THE VETO RULE

    @Test
    void aDepartmentExcellentIsRefusedWhileTheStreetHasNotRated() {
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.EXCELLENT))
                .when(rate(Grade.EXCELLENT))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("the street has not rated it yet"))
                .expectNoEvents();
    }

    @Test
    void aDepartmentExcellentIsRefusedWhereTheStreetRatedGood() {
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.GOOD), street(AgencyGrade.GOOD))
                .when(rate(Grade.EXCELLENT))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("the street rated it GOOD"))
                .expectNoEvents();
    }

    @Test
    void aDepartmentExcellentIsAcceptedWhereTheStreetRatedExcellent() {
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.EXCELLENT), street(AgencyGrade.EXCELLENT))
                .when(rate(Grade.EXCELLENT))
                .expectEvents(department(AgencyGrade.EXCELLENT),
                        new AgencyHeadAwardEligibilityDetermined(ID, YEAR, AGENCY, "head-0042", true,
                                "rated EXCELLENT by its street and by its department", AT));
    }

    @ParameterizedTest
    @EnumSource(value = Grade.class, names = {"GOOD", "PASS", "FAIL"})
    void aGradeBelowExcellentIsAcceptedWhateverTheStreetDid(Grade grade) {
        // before the street rated
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.GOOD))
                .when(rate(grade))
                .expectSuccessfulHandlerExecution()
                .expectEvents(department(PublishedScores.grade(grade)), new AgencyHeadAwardEligibilityDetermined(ID, YEAR, AGENCY,
                        "head-0042", false, "not rated EXCELLENT: the department rated it " + grade
                        + ", the street has not confirmed its rating", AT));
    }

    @Test
    void aStreetTeamGetsNoDepartmentRating() {
        fixture.given(opened(YEAR, null), proposed(YEAR, Grade.GOOD), street(AgencyGrade.GOOD))
                .when(rate(Grade.GOOD))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("street team"));
    }

    @Test
    void onlyTheParentDepartmentRates() {
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.GOOD))
                .when(new RateAgencyByDepartment(ID, "DISTRICT_PUBLIC_SECURITY_BUREAU", Grade.GOOD, "head-0042", "dept-ps", AT, null))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void theHeadIsNamedByAnOpaqueStaffIdNeverByAName() {
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.GOOD))
                .when(new RateAgencyByDepartment(ID, DEPT, Grade.GOOD, "Zhang San", "dept-cm", AT, null))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    // ---- THE HEAD'S ELIGIBILITY

    @Test
    void aHeadIsIneligibleWhenTheDepartmentRatedGoodEvenIfTheStreetRatedExcellent() {
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.EXCELLENT), street(AgencyGrade.EXCELLENT))
                .when(rate(Grade.GOOD))
                .expectEvents(department(AgencyGrade.GOOD), new AgencyHeadAwardEligibilityDetermined(ID, YEAR, AGENCY,
                        "head-0042", false, "not rated EXCELLENT: the department rated it GOOD, the street rated it EXCELLENT", AT));
    }

    @Test
    void noEligibilityIsDeterminedForAQuarter() {
        String quarter = "2031-Q2";
        String id = AgencyAssessment.idOf(quarter, AGENCY);
        fixture.given(opened(quarter, DEPT), proposed(quarter, Grade.EXCELLENT),
                        new AgencyRatedByStreet(id, quarter, AGENCY, STREET, AgencyGrade.EXCELLENT, AgencyGrade.EXCELLENT, null, "s", AT))
                .when(new RateAgencyByDepartment(id, DEPT, Grade.EXCELLENT, "head-0042", "dept-cm", AT, null))
                .expectEvents(new AgencyRatedByDepartment(id, quarter, AGENCY, DEPT, AgencyGrade.EXCELLENT, "head-0042", "dept-cm", AT));
    }

    @Test
    void aStreetCorrectionBelowExcellentBringsTheVetoBackAndTheHeadLosesEligibility() {
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.EXCELLENT), street(AgencyGrade.EXCELLENT),
                        department(AgencyGrade.EXCELLENT), new AgencyHeadAwardEligibilityDetermined(ID, YEAR, AGENCY,
                                "head-0042", true, "rated EXCELLENT by its street and by its department", AT))
                .when(new CorrectAgencyRating(ID, RatingSide.STREET, Grade.GOOD, "appeal upheld", "district-centre", AT, null))
                .expectEvents(
                        new AgencyRatingCorrected(ID, YEAR, AGENCY, RatingSide.STREET, AgencyGrade.EXCELLENT, AgencyGrade.GOOD,
                                "appeal upheld", false, "district-centre", AT),
                        new AgencyRatingCorrected(ID, YEAR, AGENCY, RatingSide.DEPARTMENT, AgencyGrade.EXCELLENT, AgencyGrade.GOOD,
                                "veto rule: the street's rating was corrected to GOOD (appeal upheld)", true, "district-centre", AT),
                        new AgencyHeadAwardEligibilityDetermined(ID, YEAR, AGENCY, "head-0042", false,
                                "not rated EXCELLENT: the department rated it GOOD, the street rated it GOOD", AT));
    }

    @Test
    void aStreetCorrectionUpToExcellentLetsTheDepartmentCorrectToExcellentAndTheHeadBecomesEligible() {
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.GOOD), street(AgencyGrade.GOOD), department(AgencyGrade.GOOD),
                        new AgencyRatingCorrected(ID, YEAR, AGENCY, RatingSide.STREET, AgencyGrade.GOOD, AgencyGrade.EXCELLENT,
                                "recount", false, "district-centre", AT))
                .when(new CorrectAgencyRating(ID, RatingSide.DEPARTMENT, Grade.EXCELLENT, "follows the street", "district-centre", AT, null))
                .expectEvents(new AgencyRatingCorrected(ID, YEAR, AGENCY, RatingSide.DEPARTMENT, AgencyGrade.GOOD, AgencyGrade.EXCELLENT,
                                "follows the street", false, "district-centre", AT),
                        new AgencyHeadAwardEligibilityDetermined(ID, YEAR, AGENCY, "head-0042", true,
                                "rated EXCELLENT by its street and by its department", AT));
    }

    @Test
    void aDepartmentCorrectionToExcellentIsVetoedToo() {
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.GOOD), street(AgencyGrade.GOOD), department(AgencyGrade.GOOD))
                .when(new CorrectAgencyRating(ID, RatingSide.DEPARTMENT, Grade.EXCELLENT, "we think so", "district-centre", AT, null))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    // ---- the street's confirmation and corrections

    @Test
    void theStreetConfirmsTheProposedGradeWithoutAReason() {
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.GOOD))
                .when(new ConfirmStreetRating(ID, STREET, null, null, "street-310105001", AT, null))
                .expectEvents(street(AgencyGrade.GOOD));
    }

    @Test
    void anotherGradeThanTheProposedOneNeedsAReason() {
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.GOOD))
                .when(new ConfirmStreetRating(ID, STREET, Grade.EXCELLENT, " ", "street-310105001", AT, null))
                .expectException(DomainRuleViolation.class).expectNoEvents();
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.GOOD))
                .when(new ConfirmStreetRating(ID, STREET, Grade.EXCELLENT, "flood response", "street-310105001", AT, null))
                .expectEvents(new AgencyRatedByStreet(ID, YEAR, AGENCY, STREET, AgencyGrade.EXCELLENT, AgencyGrade.GOOD,
                        "flood response", "street-310105001", AT));
    }

    @Test
    void onlyTheAgencysOwnStreetConfirms() {
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.GOOD))
                .when(new ConfirmStreetRating(ID, "310105002", null, null, "street-310105002", AT, null))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void afterTheStreetConfirmedTheRatingChangesOnlyByACorrectionWithAReason() {
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.GOOD), street(AgencyGrade.GOOD))
                .when(new ConfirmStreetRating(ID, STREET, Grade.PASS, "second thoughts", "street-310105001", AT, null))
                .expectException(DomainRuleViolation.class).expectNoEvents();
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.GOOD), street(AgencyGrade.GOOD))
                .when(new CorrectAgencyRating(ID, RatingSide.STREET, Grade.PASS, "", "district-centre", AT, null))
                .expectException(DomainRuleViolation.class).expectNoEvents();
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.GOOD), street(AgencyGrade.GOOD))
                .when(new ProposeAgencyRating(ID, inputs(), card(Grade.PASS, 70), "scoring", AT))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void scoringAgainFromTheSameFactsChangesNothing() {
        fixture.given(opened(YEAR, DEPT), proposed(YEAR, Grade.GOOD), street(AgencyGrade.GOOD))
                .when(new ProposeAgencyRating(ID, inputs(), card(Grade.GOOD, 91), "scoring", AT))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void theMappingToThePublishedFormLosesNothing() {
        ScoreCard card = card(Grade.PASS, 64.5);
        assertThat(PublishedScores.card(PublishedScores.card(card))).isEqualTo(card);
        assertThat(PublishedScores.inputs(PublishedScores.inputs(inputs()))).isEqualTo(inputs());
    }
}
