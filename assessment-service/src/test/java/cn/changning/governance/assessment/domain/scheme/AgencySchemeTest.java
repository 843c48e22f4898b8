package cn.changning.governance.assessment.domain.scheme;

import cn.changning.governance.assessment.config.DataFiles;
import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.indicator.Ratio;
import cn.changning.governance.assessment.domain.scoring.AgencyInputs;
import cn.changning.governance.assessment.domain.scoring.Grade;
import cn.changning.governance.assessment.domain.scoring.ScoreCard;
import cn.changning.governance.assessment.domain.scoring.ScoreLine;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static cn.changning.governance.assessment.domain.indicator.Indicator.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** Two agencies' cards under agency-2016.v1, each line computed by hand from the scheme's table below. */
class AgencySchemeTest {

    private static final AgencyScheme SCHEME = SchemeLibrary.load(DataFiles::read).agency("agency-2016.v1").orElseThrow();

    @Test
    void theSchemeIsTheTableTheseHandComputationsUse() {
        // indicator: weight, target (a ceiling for the lower-is-better ones); resident evaluation 40, survey share 0.5.
        Map<Indicator, double[]> table = new LinkedHashMap<>();
        table.put(HANDLING_RATE, new double[]{8, 0.98});
        table.put(ON_TIME_HANDLING_RATE, new double[]{10, 0.95});
        table.put(CLOSURE_RATE, new double[]{8, 0.95});
        table.put(ON_TIME_CLOSURE_RATE, new double[]{8, 0.90});
        table.put(ACCURATE_DISPATCH_RATE, new double[]{6, 0.95});
        table.put(REWORK_RATE, new double[]{8, 0.05});
        table.put(RETURN_RATE, new double[]{7, 0.05});
        table.put(EXTENSION_RATE, new double[]{5, 0.10});
        assertThat(SCHEME.indicators()).hasSize(table.size()).allSatisfy(w -> {
            assertThat(w.weight()).isEqualTo(table.get(w.indicator())[0]);
            assertThat(w.target()).isEqualTo(table.get(w.indicator())[1]);
        });
        assertThat(SCHEME.residentEvaluation()).isEqualTo(new AgencyScheme.ResidentEvaluationWeight(40, 0.5));
        assertThat(SCHEME.bands()).isEqualTo(GradeBands.of(90, 80, 60));
    }

    @Test
    void anAgencyWithEveryLineMeasured() {
        ScoreCard card = SCHEME.score(new AgencyInputs("a-1", "310105001", values(Map.of(
                HANDLING_RATE, new Ratio(98, 100),          // 0.98 meets 0.98                 → 8.00
                ON_TIME_HANDLING_RATE, new Ratio(90, 100),  // 0.90 / 0.95 = 94.74% of 10       → 9.47
                CLOSURE_RATE, new Ratio(95, 100),           // meets                            → 8.00
                ON_TIME_CLOSURE_RATE, new Ratio(81, 100),   // 0.81 / 0.90 = 90% of 8           → 7.20
                ACCURATE_DISPATCH_RATE, new Ratio(48, 50),  // 0.96 meets 0.95                  → 6.00
                REWORK_RATE, new Ratio(8, 100),             // 1 − (0.08 − 0.05)/0.05 = 40% of 8 → 3.20
                RETURN_RATE, new Ratio(3, 100),             // within the ceiling 0.05          → 7.00
                EXTENSION_RATE, new Ratio(15, 100))),       // 1 − (0.15 − 0.10)/0.10 = 50% of 5 → 2.50
                // survey 90 × 0.5 + feedback 80 × 0.5 = 85 → 85% of 40 → 34.00
                new ResidentEvaluation(500, 90.0, 40, 80.0)));

        assertThat(points(card)).containsExactlyEntriesOf(ordered(
                "HANDLING_RATE", 8.00, "ON_TIME_HANDLING_RATE", 9.47, "CLOSURE_RATE", 8.00, "ON_TIME_CLOSURE_RATE", 7.20,
                "ACCURATE_DISPATCH_RATE", 6.00, "REWORK_RATE", 3.20, "RETURN_RATE", 7.00, "EXTENSION_RATE", 2.50,
                "RESIDENT_EVALUATION", 34.00));
        // 8 + 9.47 + 8 + 7.2 + 6 + 3.2 + 7 + 2.5 + 34 = 85.37: GOOD (80 ≤ 85.37 < 90)
        assertThat(card.total()).isEqualTo(85.37);
        assertThat(card.grade()).isEqualTo(Grade.GOOD);
        assertThat(card.schemeId()).isEqualTo("agency-2016.v1");
        assertThat(line(card, "REWORK_RATE").basis()).isEqualTo("8/100: 0.080 over the ceiling 0.050: 1 − (0.080 − 0.050) / 0.050 = 40.0% of 8 points = 3.2");
        assertThat(line(card, "RESIDENT_EVALUATION").basis())
                .isEqualTo("survey 90.0 (500 respondents) × 0.5 + case feedback 80.0 (40 cases) × 0.5 = 85.0 → 85.0% of 40 points = 34");
        assertThat(card.lines().stream().mapToDouble(ScoreLine::maxPoints).sum()).isCloseTo(100, offset(0.001));
    }

    @Test
    void unmeasuredLinesShareTheirWeightOutAndTheSurveyCountsAloneWithoutFeedback() {
        ScoreCard card = SCHEME.score(new AgencyInputs("a-2", "310105001", values(Map.of(
                HANDLING_RATE, new Ratio(50, 50),
                ON_TIME_HANDLING_RATE, new Ratio(45, 50),
                CLOSURE_RATE, Ratio.NONE,
                ON_TIME_CLOSURE_RATE, Ratio.NONE,
                ACCURATE_DISPATCH_RATE, new Ratio(50, 50),
                // REWORK_RATE absent: no value, as 0/0
                RETURN_RATE, new Ratio(0, 50),
                EXTENSION_RATE, new Ratio(5, 50))),
                new ResidentEvaluation(300, 95.0, 0, null)));

        // Measured weights 8 + 10 + 6 + 7 + 5 + 40 = 76 of 100: each measured line's weight × 100/76.
        // HANDLING 8 × 100/76 = 10.53 (full); ON_TIME_HANDLING 13.158 × 0.90/0.95 = 12.47; ACCURATE 7.89 (full);
        // RETURN 9.21 (0 within the ceiling); EXTENSION 6.58 (0.10 within 0.10); RESIDENT 52.63 × 0.95 = 50.00.
        assertThat(points(card)).containsExactlyEntriesOf(ordered(
                "HANDLING_RATE", 10.53, "ON_TIME_HANDLING_RATE", 12.47, "CLOSURE_RATE", 0.0, "ON_TIME_CLOSURE_RATE", 0.0,
                "ACCURATE_DISPATCH_RATE", 7.89, "REWORK_RATE", 0.0, "RETURN_RATE", 9.21, "EXTENSION_RATE", 6.58,
                "RESIDENT_EVALUATION", 50.00));
        // 10.53 + 12.47 + 7.89 + 9.21 + 6.58 + 50 = 96.68: EXCELLENT
        assertThat(card.total()).isEqualTo(96.68);
        assertThat(card.grade()).isEqualTo(Grade.EXCELLENT);
        ScoreLine closure = line(card, "CLOSURE_RATE");
        assertThat(closure.value()).isNull();
        assertThat(closure.maxPoints()).isZero();
        assertThat(closure.basis()).isEqualTo("no value (0/0): its 8 points are shared out among the measured lines");
        assertThat(line(card, "HANDLING_RATE").basis()).contains("weight 8 + 2.53 shared out from CLOSURE_RATE, ON_TIME_CLOSURE_RATE, REWORK_RATE = 10.53 points");
        assertThat(line(card, "RESIDENT_EVALUATION").basis()).contains("no case feedback, so the survey counts alone");
    }

    @Test
    void withoutResidentEvaluationItsWeightGoesToTheIndicatorsAndWithNothingMeasuredTheScoreIsZero() {
        Map<Indicator, Ratio> perfect = new EnumMap<>(Indicator.class);
        SCHEME.indicators().forEach(w -> perfect.put(w.indicator(), w.indicator().higherIsBetter() ? new Ratio(10, 10) : new Ratio(0, 10)));
        ScoreCard noEvaluation = SCHEME.score(new AgencyInputs("a-3", "310105001", values(perfect), ResidentEvaluation.NONE));
        // All indicators full, their 60 points shared up to 100, each line kept to 2 decimals:
        // 8, 10, 8, 8, 6, 8, 7, 5 × 100/60 = 13.33, 16.67, 13.33, 13.33, 10, 13.33, 11.67, 8.33 → 99.99
        assertThat(noEvaluation.total()).isEqualTo(99.99);
        assertThat(line(noEvaluation, "RESIDENT_EVALUATION").basis()).startsWith("no survey answer and no case feedback");

        ScoreCard nothing = SCHEME.score(new AgencyInputs("a-4", "310105001", IndicatorValues.EMPTY, ResidentEvaluation.NONE));
        assertThat(nothing.total()).isZero();
        assertThat(nothing.grade()).isEqualTo(Grade.FAIL);
        assertThat(nothing.lines()).allSatisfy(l -> assertThat(l.basis()).endsWith("nothing is measured, no line earns points"));
    }

    @Test
    void gradesFollowTheBands() {
        GradeBands bands = GradeBands.of(90, 80, 60);
        assertThat(bands.grade(90)).isEqualTo(Grade.EXCELLENT);
        assertThat(bands.grade(89.99)).isEqualTo(Grade.GOOD);
        assertThat(bands.grade(80)).isEqualTo(Grade.GOOD);
        assertThat(bands.grade(60)).isEqualTo(Grade.PASS);
        assertThat(bands.grade(59.99)).isEqualTo(Grade.FAIL);
        assertThat(GradeBands.problem(80, 80, 60)).contains("must rise strictly");
    }

    static IndicatorValues values(Map<Indicator, Ratio> ratios) {
        return new IndicatorValues(ratios);
    }

    static Map<String, Double> points(ScoreCard card) {
        return card.lines().stream().collect(Collectors.toMap(ScoreLine::component, ScoreLine::points, (a, b) -> a, LinkedHashMap::new));
    }

    static ScoreLine line(ScoreCard card, String component) {
        return card.lines().stream().filter(l -> l.component().equals(component)).findFirst().orElseThrow();
    }

    static Map<String, Double> ordered(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return map;
    }
}
