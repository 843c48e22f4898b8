package cn.changning.governance.assessment.domain.scheme;

import cn.changning.governance.assessment.config.DataFiles;
import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.indicator.Ratio;
import cn.changning.governance.assessment.domain.scoring.ScoreCard;
import cn.changning.governance.assessment.domain.scoring.ScoreLine;
import cn.changning.governance.assessment.domain.scoring.StreetInputs;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import static cn.changning.governance.assessment.domain.indicator.Indicator.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** One street's sheet under street-2016.v1, by hand: a few items line by line, and the total. */
class StreetSchemeTest {

    private static final StreetScheme SCHEME = SchemeLibrary.load(DataFiles::read).street("street-2016.v1").orElseThrow();

    @Test
    void oneStreetsSheetByHand() {
        Map<Indicator, Ratio> indicators = new EnumMap<>(Indicator.class);
        indicators.put(HANDLING_RATE, new Ratio(99, 100));          // UM-01 target 0.98: full 2
        indicators.put(ON_TIME_HANDLING_RATE, new Ratio(95, 100));  // UM-02 target 0.95: full 2
        indicators.put(CLOSURE_RATE, new Ratio(95, 100));           // UM-03 target 0.95: full 2
        indicators.put(ON_TIME_CLOSURE_RATE, new Ratio(72, 100));   // UM-04 0.72 / 0.90 = 80% of 2 = 1.60
        indicators.put(ACCURATE_DISPATCH_RATE, new Ratio(95, 100)); // UM-05 full 2
        indicators.put(ON_TIME_FILING_RATE, new Ratio(19, 20));     // UM-06 0.95: full 2
        indicators.put(REWORK_RATE, new Ratio(6, 100));             // UM-07 ceiling 0.05: 1 − 0.01/0.05 = 80% of 2 = 1.60
        indicators.put(RETURN_RATE, new Ratio(2, 100));             // UM-08 within 0.05: full 2
        indicators.put(EXTENSION_RATE, new Ratio(5, 100));          // UM-09 within 0.10: full 2
        indicators.put(REPEAT_CASES, new Ratio(10, 100));           // UM-10 ceiling 0.05, at twice it: 0
        // Indicator items: 7 × 2 + 1.6 + 1.6 + 0 = 17.20

        // Recorded: every RECORDED item at its full points (they are worth 50 together), but
        // UM-11 1.5 of 2 (−0.5), PS-02 1 of 2 (−1), CS-09 not recorded (−1): 47.50
        Map<String, Double> recorded = new HashMap<>();
        SCHEME.items().stream().filter(i -> i.measure() == ItemMeasure.RECORDED).forEach(i -> recorded.put(i.code(), i.recordedOutOf()));
        recorded.put("UM-11", 1.5);
        recorded.put("PS-02", 1.0);
        recorded.remove("CS-09");

        // SAT-01 (25, survey): 91.2 → 22.80; SAT-02 (5, case feedback): 85 → 4.25; together 27.05
        ScoreCard card = SCHEME.score(new StreetInputs("310105001", new IndicatorValues(indicators),
                new ResidentEvaluation(1046, 91.2, 200, 85.0), recorded));

        assertThat(line(card, "SAT-01").points()).isEqualTo(22.80);
        assertThat(line(card, "SAT-01").basis()).isEqualTo("survey 91.2 (1046 respondents) → 91.2% of 25 points = 22.8");
        assertThat(line(card, "SAT-02").points()).isEqualTo(4.25);
        assertThat(line(card, "UM-04").points()).isEqualTo(1.60);
        assertThat(line(card, "UM-07").points()).isEqualTo(1.60);
        assertThat(line(card, "UM-10").points()).isEqualTo(0.0);
        assertThat(line(card, "UM-11").points()).isEqualTo(1.50);
        assertThat(line(card, "UM-11").basis()).isEqualTo("recorded 1.5 of 2 = 1.5");
        assertThat(line(card, "PS-02").points()).isEqualTo(1.00);
        assertThat(line(card, "CS-09").points()).isEqualTo(0.0);
        assertThat(line(card, "CS-09").value()).isNull();
        assertThat(line(card, "CS-09").basis()).isEqualTo("not recorded: 0 of 1 points");
        // 27.05 + 17.20 + 47.50 = 91.75; a street's sheet is ranked, not graded
        assertThat(card.lines()).hasSize(55);
        assertThat(card.total()).isEqualTo(91.75);
        assertThat(card.grade()).isNull();
        assertThat(card.lines().stream().mapToDouble(ScoreLine::points).sum()).isCloseTo(91.75, offset(0.0001));
    }

    @Test
    void anIndicatorWithNoValueSharesItsPointsAmongTheMeasuredIndicatorItemsAndNoSurveyEarnsNothing() {
        Map<Indicator, Ratio> indicators = new EnumMap<>(Indicator.class);
        // Only UM-01 and UM-02 measured, both full: the 20 indicator points go to them, 10 each.
        indicators.put(HANDLING_RATE, new Ratio(10, 10));
        indicators.put(ON_TIME_HANDLING_RATE, new Ratio(10, 10));
        ScoreCard card = SCHEME.score(new StreetInputs("310105002", new IndicatorValues(indicators), ResidentEvaluation.NONE, Map.of()));
        assertThat(line(card, "UM-01").maxPoints()).isEqualTo(10.0);
        assertThat(line(card, "UM-01").points()).isEqualTo(10.0);
        assertThat(line(card, "UM-03").maxPoints()).isZero();
        assertThat(line(card, "UM-03").basis()).isEqualTo("no value (0/0): its 2 points are shared out among the measured indicator items");
        assertThat(line(card, "SAT-01").basis()).isEqualTo("no survey answer: 0 of 25 points");
        assertThat(card.total()).isEqualTo(20.0);
    }

    @Test
    void recordedPointsAreReadOnTheirOwnScaleAndCapped() {
        StreetScheme before = SchemeLibrary.load(DataFiles::read).street("street-pre-2016.v1").orElseThrow();
        // UM-11 is worth 2.2857 before the reform, recorded out of 2: 1.5 of 2 = 75% of 2.29 = 1.71
        ScoreCard card = before.score(new StreetInputs("310105003", IndicatorValues.EMPTY, ResidentEvaluation.NONE,
                Map.of("UM-11", 1.5, "UM-12", 5.0)));
        assertThat(line(card, "UM-11").points()).isEqualTo(1.71);
        assertThat(line(card, "UM-11").basis()).isEqualTo("recorded 1.5 of 2 → 75.0% of 2.29 points = 1.71");
        // UM-12: 5 recorded out of 2 counts as 2 → 2.29
        assertThat(line(card, "UM-12").points()).isEqualTo(2.29);
        assertThat(line(card, "UM-12").basis()).contains("(counted as 2)");
    }

    static ScoreLine line(ScoreCard card, String component) {
        return AgencySchemeTest.line(card, component);
    }
}
