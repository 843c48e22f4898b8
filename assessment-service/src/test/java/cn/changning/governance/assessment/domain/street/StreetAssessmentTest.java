package cn.changning.governance.assessment.domain.street;

import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.scoring.Scheme;
import cn.changning.governance.assessment.domain.scoring.ScoreCard;
import cn.changning.governance.assessment.domain.scoring.ScoreLine;
import cn.changning.governance.assessment.domain.scoring.StreetInputs;
import cn.changning.governance.assessment.domain.street.StreetAssessmentCommands.AssessStreet;
import cn.changning.governance.assessment.domain.street.StreetAssessmentCommands.ConfirmStreetAssessment;
import cn.changning.governance.assessment.domain.street.StreetAssessmentCommands.CorrectStreetAssessment;
import cn.changning.governance.assessment.domain.street.StreetAssessmentCommands.RecordStreetItemScore;
import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.assessment.PublishedScoreCard;
import cn.changning.governance.contracts.assessment.PublishedScoreLine;
import cn.changning.governance.contracts.assessment.ResidentFigures;
import cn.changning.governance.contracts.assessment.StreetAssessed;
import cn.changning.governance.contracts.assessment.StreetAssessmentConfirmed;
import cn.changning.governance.contracts.assessment.StreetAssessmentCorrected;
import cn.changning.governance.contracts.assessment.StreetAssessmentOpened;
import cn.changning.governance.contracts.assessment.StreetItemScoreRecorded;
import cn.changning.governance.contracts.assessment.StreetScoringInputs;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A street's yearly sheet: recorded points before confirmation, the sheet from scoring, then corrections only. */
class StreetAssessmentTest {

    static final String STREET = "310105003";
    static final String ID = StreetAssessment.idOf(2031, STREET);
    static final Instant AT = Instant.parse("2032-01-15T02:00:00Z");

    /** The test's scheme: each recorded item earns its recorded points out of 10, satisfaction = survey score × 0.3. */
    static final Scheme<StreetInputs> SCHEME = new Scheme<>() {
        public String id() {
            return "street-test.v1";
        }

        public ScoreCard score(StreetInputs in) {
            double satisfaction = in.residentEvaluation().surveyScore() == null ? 0 : in.residentEvaluation().surveyScore() * 0.3;
            List<ScoreLine> lines = new java.util.ArrayList<>();
            lines.add(new ScoreLine("SATISFACTION", "satisfaction", in.residentEvaluation().surveyScore(), 30, satisfaction, "× 0.3"));
            in.recordedItemPoints().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> lines.add(new ScoreLine(e.getKey(), e.getKey(), e.getValue(), 10, e.getValue(), "recorded")));
            return new ScoreCard(id(), lines.stream().mapToDouble(ScoreLine::points).sum(), null, lines);
        }
    };

    AggregateTestFixture<StreetAssessment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StreetAssessment.class);
    }

    static StreetAssessmentOpened opened() {
        return new StreetAssessmentOpened(ID, 2031, STREET, "district-centre", AT);
    }

    static StreetItemScoreRecorded recorded(String item, double points) {
        return new StreetItemScoreRecorded(ID, 2031, STREET, item, points, "district-centre", AT);
    }

    static StreetInputs measured() {
        return new StreetInputs(STREET, IndicatorValues.EMPTY, new ResidentEvaluation(1000, 80.0, 0, null), Map.of());
    }

    /** By hand: satisfaction 80 × 0.3 = 24, item A1 7 → 31. */
    static StreetAssessed assessed() {
        return new StreetAssessed(ID, 2031, STREET,
                new StreetScoringInputs(STREET, List.of(), new ResidentFigures(1000, 80.0, 0, null), Map.of("A1", 7.0)),
                new PublishedScoreCard("street-test.v1", 31, null, List.of(
                        new PublishedScoreLine("SATISFACTION", "satisfaction", 80.0, 30, 24, "× 0.3"),
                        new PublishedScoreLine("A1", "A1", 7.0, 10, 7, "recorded"))), "district-centre", AT);
    }

    @Test
    void scoringUsesThePointsTheDistrictRecorded() {
        fixture.given(opened(), recorded("A1", 5), recorded("A1", 7))
                .when(new AssessStreet(ID, measured(), SCHEME, "district-centre", AT))
                .expectEvents(assessed());
    }

    @Test
    void scoringAgainFromTheSameFactsChangesNothing() {
        fixture.given(opened(), recorded("A1", 7), assessed())
                .when(new AssessStreet(ID, measured(), SCHEME, "district-centre", AT))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void confirmationNeedsASheetAndIsIdempotent() {
        fixture.given(opened()).when(new ConfirmStreetAssessment(ID, "district-centre", AT))
                .expectException(DomainRuleViolation.class);
        fixture.given(opened(), recorded("A1", 7), assessed()).when(new ConfirmStreetAssessment(ID, "district-centre", AT))
                .expectEvents(new StreetAssessmentConfirmed(ID, 2031, STREET, 31, "district-centre", AT));
        fixture.given(opened(), recorded("A1", 7), assessed(), new StreetAssessmentConfirmed(ID, 2031, STREET, 31, "d", AT))
                .when(new ConfirmStreetAssessment(ID, "district-centre", AT)).expectNoEvents();
    }

    @Test
    void afterConfirmationPointsAreNotRecordedButCorrectedWithAReason() {
        StreetAssessmentConfirmed confirmed = new StreetAssessmentConfirmed(ID, 2031, STREET, 31, "d", AT);
        fixture.given(opened(), recorded("A1", 7), assessed(), confirmed)
                .when(new RecordStreetItemScore(ID, "A1", 9, "district-centre", AT, null))
                .expectException(DomainRuleViolation.class).expectNoEvents();
        fixture.given(opened(), recorded("A1", 7), assessed(), confirmed)
                .when(new CorrectStreetAssessment(ID, "A1", 9, " ", "district-centre", AT, null))
                .expectException(DomainRuleViolation.class).expectNoEvents();
        // 31 − 7 + 9 = 33
        fixture.given(opened(), recorded("A1", 7), assessed(), confirmed)
                .when(new CorrectStreetAssessment(ID, "A1", 9, "inspection re-done", "district-centre", AT, null))
                .expectEvents(new StreetAssessmentCorrected(ID, 2031, STREET, "A1", 7, 9, 33, "inspection re-done", "district-centre", AT));
    }

    @Test
    void aCorrectionStaysWithinTheItemsMaximumAndNeedsAConfirmedSheet() {
        StreetAssessmentConfirmed confirmed = new StreetAssessmentConfirmed(ID, 2031, STREET, 31, "d", AT);
        fixture.given(opened(), recorded("A1", 7), assessed(), confirmed)
                .when(new CorrectStreetAssessment(ID, "A1", 11, "too generous", "district-centre", AT, null))
                .expectException(DomainRuleViolation.class);
        fixture.given(opened(), recorded("A1", 7), assessed())
                .when(new CorrectStreetAssessment(ID, "A1", 9, "early", "district-centre", AT, null))
                .expectException(DomainRuleViolation.class);
    }
}
