package cn.changning.governance.assessment.domain.period;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.assessment.AssessmentPeriodConfirmed;
import cn.changning.governance.contracts.assessment.AssessmentPeriodOpened;
import cn.changning.governance.contracts.assessment.AssessmentPeriodScored;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.containsString;

/** A period: opened under its schemes, scored (again) until confirmed, confirmed only when scored and complete. */
class AssessmentPeriodTest {

    static final Instant AT = Instant.parse("2032-01-15T02:00:00Z");
    AggregateTestFixture<AssessmentPeriod> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AssessmentPeriod.class);
    }

    static AssessmentPeriodOpened opened() {
        return new AssessmentPeriodOpened("2031", "YEAR", "agency-test.v1", "street-test.v1", "district-centre", AT);
    }

    static AssessmentPeriodScored scored() {
        return new AssessmentPeriodScored("2031", 70, 10, "district-centre", AT);
    }

    @Test
    void aYearIsOpenedWithBothSchemesAQuarterWithTheAgencySchemeOnly() {
        fixture.givenNoPriorActivity()
                .when(new OpenAssessmentPeriod("2031", "agency-test.v1", "street-test.v1", "district-centre", AT))
                .expectEvents(opened());
        fixture.givenNoPriorActivity()
                .when(new OpenAssessmentPeriod("2031-Q3", "agency-test.v1", "street-test.v1", "district-centre", AT))
                .expectException(DomainRuleViolation.class);
        fixture.givenNoPriorActivity()
                .when(new OpenAssessmentPeriod("2031-Q3", "agency-test.v1", null, "district-centre", AT))
                .expectEvents(new AssessmentPeriodOpened("2031-Q3", "QUARTER", "agency-test.v1", null, "district-centre", AT));
    }

    @Test
    void confirmationIsRefusedUntilThePeriodIsScored() {
        fixture.given(opened())
                .when(new ConfirmAssessmentPeriod("2031", List.of(), "district-centre", AT, null))
                .expectException(DomainRuleViolation.class).expectExceptionMessage(containsString("not been scored"));
    }

    @Test
    void confirmationIsRefusedWithTheListOfWhatIsMissing() {
        fixture.given(opened(), scored())
                .when(new ConfirmAssessmentPeriod("2031", List.of("310105001-squad: the street has not confirmed its rating"),
                        "district-centre", AT, null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(containsString("310105001-squad: the street has not confirmed its rating"));
    }

    @Test
    void aScoredAndCompletePeriodIsConfirmed() {
        fixture.given(opened(), scored())
                .when(new ConfirmAssessmentPeriod("2031", List.of(), "district-centre", AT, null))
                .expectEvents(new AssessmentPeriodConfirmed("2031", "district-centre", AT));
    }

    @Test
    void aPeriodIsScoredOnlyWhenEverythingIsAndAgainUntilConfirmed() {
        fixture.given(opened())
                .when(new MarkAssessmentPeriodScored("2031", 69, 10, List.of("310105001-squad"), "district-centre", AT))
                .expectException(DomainRuleViolation.class).expectExceptionMessage(containsString("310105001-squad"));
        fixture.given(opened(), scored())
                .when(new MarkAssessmentPeriodScored("2031", 70, 10, List.of(), "district-centre", AT))
                .expectEvents(scored());
        fixture.given(opened(), scored(), new AssessmentPeriodConfirmed("2031", "district-centre", AT))
                .when(new MarkAssessmentPeriodScored("2031", 70, 10, List.of(), "district-centre", AT))
                .expectException(DomainRuleViolation.class).expectExceptionMessage(containsString("only by corrections"));
    }
}
