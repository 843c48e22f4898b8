package cn.changning.governance.assessment.domain.scheme;

import cn.changning.governance.assessment.config.DataFiles;
import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.indicator.Ratio;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.assessment.domain.scoring.AgencyInputs;
import cn.changning.governance.assessment.domain.scoring.Grade;
import cn.changning.governance.assessment.domain.scoring.ScoredPeriod;
import cn.changning.governance.assessment.domain.scoring.StreetInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What-if on a year the test builds: street A strong on satisfaction, street B on the other items, so that
 * satisfaction at 20 points must swap them; agencies X (indicators) and Y (residents) swap when resident evaluation
 * weighs 20. Every total is predicted by hand below, each line kept to 2 decimals as the scorer keeps it.
 */
class WhatIfTest {

    private static final SchemeLibrary LIBRARY = SchemeLibrary.load(DataFiles::read);
    private static final WhatIf WHAT_IF = new WhatIf(LIBRARY);
    private static final StreetScheme STREETS = LIBRARY.street("street-2016.v1").orElseThrow();
    private static final AgencyScheme AGENCIES = LIBRARY.agency("agency-2016.v1").orElseThrow();

    /**
     * A: survey 98, feedback 98; every indicator met; every RECORDED item at 80% of its points.
     * B: survey 70, feedback 70; every indicator met; every RECORDED item at 94%.
     * (RECORDED items: 7 of 2 points and 36 of 1, 50 in all; the indicator items 10 × 2.)
     */
    private static final StreetInputs A = street("S-A", 98, 0.80);
    private static final StreetInputs B = street("S-B", 70, 0.94);
    /** X: every indicator met, survey 60 and no feedback. Y: every indicator at 75% attainment, survey and feedback 100. */
    private static final AgencyInputs X = agency("X", 1.0, 60);
    private static final AgencyInputs Y = agency("Y", 0.75, 100);

    private static ScoredPeriod year() {
        return period(ReportingPeriod.year(2026), List.of(A, B));
    }

    @Test
    void satisfactionAt20SwapsTheStreetTheSurveyCarriedWithTheOneTheOtherItemsCarried() {
        // Recorded, under street-2016.v1 (satisfaction 30):
        //   A: 25 × 0.98 + 5 × 0.98 = 29.40; indicators 20; recorded 7 × 1.6 + 36 × 0.8 = 40.00 → 89.40
        //   B: 25 × 0.70 + 5 × 0.70 = 21.00; indicators 20; recorded 7 × 1.88 + 36 × 0.94 = 47.00 → 88.00
        // Satisfaction at 20 (SAT-01 16.667, SAT-02 3.333), the other items × 80/70 (2 → 2.2857, 1 → 1.1429):
        //   A: 16.33 + 3.27 = 19.60; indicators 10 × 2.29 = 22.90; recorded 7 × 1.83 + 36 × 0.91 = 45.57 → 88.07
        //   B: 11.67 + 2.33 = 14.00; indicators 22.90; recorded 7 × 2.15 + 36 × 1.07 = 53.57 → 90.47
        // So B moves up to 1, A down to 2.
        ScoredPeriod period = year();
        WhatIfAnswer answer = WHAT_IF.answer(period, variant(null, null, 20.0, null, null, null, null));

        WhatIfAnswer.Comparison streets = answer.streets();
        assertThat(streets.schemeBefore()).isEqualTo("street-2016.v1");
        assertThat(streets.schemeAfter()).isEqualTo("street-2016.v1+what-if");
        assertThat(streets.moved()).isEqualTo(2);
        assertThat(streets.moves()).extracting(WhatIfAnswer.Move::subjectId).containsExactly("S-B", "S-A");
        WhatIfAnswer.Move b = streets.moves().get(0);
        WhatIfAnswer.Move a = streets.moves().get(1);
        assertThat(List.of(b.rankBefore(), b.rankAfter(), b.rankChange())).containsExactly(2, 1, 1);
        assertThat(List.of(a.rankBefore(), a.rankAfter(), a.rankChange())).containsExactly(1, 2, -1);
        assertThat(List.of(a.totalBefore(), a.totalAfter(), b.totalBefore(), b.totalAfter())).containsExactly(89.40, 88.07, 88.00, 90.47);
        // A's biggest change is the survey: 24.50 → 16.33
        WhatIfAnswer.LineChange survey = a.lineChanges().get(0);
        assertThat(survey.component()).isEqualTo("SAT-01");
        assertThat(survey.change()).isEqualTo(-8.17);
        assertThat(survey.why()).endsWith("98.0 now weighs 16.67 instead of 25: −8.17 points");
        assertThat(a.explanation()).startsWith("down 1 place (1 → 2); total 89.4 → 88.07 (−1.33); most changed: ");
        assertThat(answer.variant()).containsExactly("satisfaction at 20 points instead of 30 (the other items scaled to 80)");

        // The recorded results are untouched.
        assertThat(period).isEqualTo(year());
        // The agencies were not changed by a street variant: nobody moved, the same totals.
        assertThat(answer.agencies().moved()).isZero();
        assertThat(answer.agencies().moves()).allSatisfy(m -> assertThat(m.totalAfter()).isEqualTo(m.totalBefore()));
    }

    @Test
    void namingThePreReformStreetSchemeGivesTheSameSwap() {
        WhatIfAnswer answer = WHAT_IF.answer(year(), variant(null, "street-pre-2016.v1", null, null, null, null, null));
        assertThat(answer.streets().schemeAfter()).isEqualTo("street-pre-2016.v1");
        assertThat(answer.streets().moves()).extracting(WhatIfAnswer.Move::subjectId, WhatIfAnswer.Move::totalAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S-B", 90.47), org.assertj.core.groups.Tuple.tuple("S-A", 88.07));
        assertThat(answer.variant()).containsExactly("streets scored under street-pre-2016.v1 instead of street-2016.v1");
    }

    @Test
    void residentEvaluationAt20SwapsTheAgencyTheResidentsCarried() {
        // Recorded, under agency-2016.v1 (indicators 60, resident evaluation 40):
        //   X: 60 + 40 × 0.60 = 84.00; Y: 60 × 0.75 = 45 + 40 × 1.00 = 85.00 → Y 1, X 2
        // Resident evaluation 20, indicators × 80/60 (8 → 10.67, 10 → 13.33, 6 → 8, 7 → 9.33, 5 → 6.67):
        //   X: 4 × 10.67 + 13.33 + 8 + 9.33 + 6.67 = 80.01, + 20 × 0.60 = 92.01 (EXCELLENT)
        //   Y: 80 × 0.75 = 60.00 (each line exact), + 20 × 1.00 = 80.00 (GOOD)
        WhatIfAnswer answer = WHAT_IF.answer(year(), variant(null, null, null, 20.0, null, null, null));
        WhatIfAnswer.Comparison agencies = answer.agencies();
        assertThat(agencies.moves()).extracting(WhatIfAnswer.Move::subjectId).containsExactly("X", "Y");
        WhatIfAnswer.Move x = agencies.moves().get(0);
        WhatIfAnswer.Move y = agencies.moves().get(1);
        assertThat(List.of(x.totalBefore(), x.totalAfter(), y.totalBefore(), y.totalAfter())).containsExactly(84.00, 92.01, 85.00, 80.00);
        assertThat(List.of(x.gradeBefore(), x.gradeAfter(), y.gradeAfter())).containsExactly(Grade.GOOD, Grade.EXCELLENT, Grade.GOOD);
        assertThat(y.lineChanges().get(0).why()).isEqualTo("resident evaluation 100.0 now weighs 20 instead of 40: −20 points");
        assertThat(answer.streets().moved()).isZero();
    }

    @Test
    void otherBandsRegradeWithoutMovingAnyone() {
        WhatIfAnswer answer = WHAT_IF.answer(year(), variant(null, null, null, null, null, new SchemeVariant.Bands(84.5, 70.0, 50.0), null));
        // Y 85.00 is now EXCELLENT (≥ 84.5), X 84.00 still GOOD.
        assertThat(answer.agencies().moves()).extracting(WhatIfAnswer.Move::subjectId, WhatIfAnswer.Move::gradeAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Y", Grade.EXCELLENT), org.assertj.core.groups.Tuple.tuple("X", Grade.GOOD));
        assertThat(answer.agencies().moved()).isZero();
        assertThat(answer.agencies().moves().get(0).explanation()).isEqualTo("keeps rank 1; total 85 → 85 (+0); grade GOOD → EXCELLENT");
    }

    @Test
    void indicatorWeightsAreRelativeAndScaledToFillTheIndicatorsPoints() {
        // HANDLING_RATE 8 → 0: the other indicators (52) are scaled to the 60 indicator points, × 60/52;
        // Y's on-time handling rate: 10 × 60/52 = 11.54 at 75% = 8.65 (was 7.50): +1.15; its handling rate 6.00 → 0.
        WhatIfAnswer answer = WHAT_IF.answer(year(), variant(null, null, null, null, Map.of("HANDLING_RATE", 0.0), null, null));
        assertThat(answer.variant()).containsExactly("indicator weights (relative, scaled to fill the indicators' points): HANDLING_RATE 8 → 0");
        WhatIfAnswer.Move y = answer.agencies().moves().stream().filter(m -> m.subjectId().equals("Y")).findFirst().orElseThrow();
        assertThat(y.lineChanges()).extracting(WhatIfAnswer.LineChange::component, WhatIfAnswer.LineChange::change)
                .contains(org.assertj.core.groups.Tuple.tuple("HANDLING_RATE", -6.0), org.assertj.core.groups.Tuple.tuple("ON_TIME_HANDLING_RATE", 1.15));
        assertThat(answer.agencies().schemeAfter()).isEqualTo("agency-2016.v1+what-if");
    }

    @Test
    void leavingItemsOutScalesTheRestAndSaysSo() {
        // Without UM-11 and UM-12 (2 points each): the other non-satisfaction items, 66 points, are scaled to 70
        // (× 70/66); satisfaction stays at 30. A loses UM-11's recorded 1.60 (80% of 2).
        WhatIfAnswer answer = WHAT_IF.answer(year(), variant(null, null, null, null, null, null, List.of("UM-11", "UM-12")));
        assertThat(answer.variant()).containsExactly("without items UM-11, UM-12 (53 items left, scaled to keep 100)");
        WhatIfAnswer.Move a = answer.streets().moves().stream().filter(m -> m.subjectId().equals("S-A")).findFirst().orElseThrow();
        assertThat(a.lineChanges()).extracting(WhatIfAnswer.LineChange::why).contains(
                "Illegal construction: new cases stopped, existing ones removed no longer assessed: −1.6 points");
    }

    @Test
    void tiesAreSharedExplicitlyBeforeAndAfter() {
        StreetInputs twin = new StreetInputs("S-A2", A.indicators(), A.residentEvaluation(), A.recordedItemPoints());
        ScoredPeriod period = period(ReportingPeriod.year(2026), List.of(A, B, twin));
        WhatIfAnswer answer = WHAT_IF.answer(period, variant(null, null, 20.0, null, null, null, null));
        // Before: A and A2 89.40 share rank 1, B 3. After: B 1, A and A2 88.07 share rank 2.
        assertThat(answer.streets().moves()).extracting(WhatIfAnswer.Move::subjectId, WhatIfAnswer.Move::rankBefore,
                        WhatIfAnswer.Move::rankAfter, WhatIfAnswer.Move::tiedAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S-B", 3, 1, List.of()),
                        org.assertj.core.groups.Tuple.tuple("S-A", 1, 2, List.of("S-A2")),
                        org.assertj.core.groups.Tuple.tuple("S-A2", 1, 2, List.of("S-A")));
        assertThat(answer.streets().moves().get(1).tiedBefore()).containsExactly("S-A2");
        assertThat(answer.streets().moves().get(1).explanation()).startsWith("down 1 place (1 → 2), shared with S-A2");
    }

    @Test
    void aQuarterHasNoStreetRankingAndAgenciesAreRankedAmongThoseShown() {
        WhatIfAnswer answer = WHAT_IF.answer(period(ReportingPeriod.quarter(2026, 3), List.of(A, B)),
                variant(null, null, 20.0, 20.0, null, null, null), a -> a.agencyId().equals("X"), true);
        assertThat(answer.streets()).isNull();
        assertThat(answer.streetsNote()).isEqualTo("the district assesses streets by year; 2026-Q3 is a QUARTER");
        assertThat(answer.agencies().moves()).extracting(WhatIfAnswer.Move::subjectId, WhatIfAnswer.Move::rankBefore, WhatIfAnswer.Move::rankAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("X", 1, 1));
    }

    static Stream<Arguments> refusedVariants() {
        return Stream.of(
                Arguments.of(variant("agency-1999.v1", null, null, null, null, null, null), "agencySchemeId", "no agency scheme 'agency-1999.v1'"),
                Arguments.of(variant(null, "agency-2016.v1", null, null, null, null, null), "streetSchemeId", "no street scheme 'agency-2016.v1'"),
                Arguments.of(variant(null, null, null, null, Map.of("SPEED", 3.0), null, null), "indicatorWeights.SPEED", "'SPEED' is not an indicator"),
                Arguments.of(variant(null, null, null, null, Map.of("REPEAT_CASES", 3.0), null, null), "indicatorWeights.REPEAT_CASES", "not counted for agencies"),
                Arguments.of(variant(null, null, null, null, Map.of("REWORK_RATE", -1.0), null, null), "indicatorWeights.REWORK_RATE", "weight -1 is negative"),
                Arguments.of(variant(null, null, null, -5.0, null, null, null), "residentEvaluationWeight", "-5 is outside 0-100"),
                Arguments.of(variant(null, null, 120.0, null, null, null, null), "satisfactionPoints", "120 is outside 0-100"),
                Arguments.of(variant(null, null, null, null, null, new SchemeVariant.Bands(80.0, 90.0, 60.0), null), "gradeBands", "must rise strictly"),
                Arguments.of(variant(null, null, null, null, null, new SchemeVariant.Bands(90.0, 80.0, null), null), "gradeBands.pass", "is required"),
                Arguments.of(variant(null, null, null, null, null, null, List.of("UM-01", "XX-99")), "withoutItems[1]", "street-2016.v1 has no item 'XX-99'"),
                Arguments.of(variant(null, null, 10.0, null, null, null, List.of("SAT-01", "SAT-02")), "satisfactionPoints", "no SATISFACTION item"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusedVariants")
    void anInvalidVariantIsRefusedNamingTheField(SchemeVariant variant, String field, String reason) {
        assertThatThrownBy(() -> WHAT_IF.answer(year(), variant))
                .isInstanceOfSatisfying(VariantRefused.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).contains(reason);
                });
    }

    @Test
    void anEmptyVariantRescoresUnderTheRecordedSchemesAndNothingMoves() {
        WhatIfAnswer answer = WHAT_IF.answer(year(), SchemeVariant.NONE);
        assertThat(answer.variant()).containsExactly("no change: the recorded schemes, from the recorded inputs");
        assertThat(answer.streets().moved()).isZero();
        assertThat(answer.streets().moves()).allSatisfy(m -> assertThat(m.lineChanges()).isEmpty());
        assertThat(SchemeLibrary.kindOf(STREETS)).isEqualTo(SubjectKind.STREET);
    }

    static SchemeVariant variant(String agencyScheme, String streetScheme, Double satisfaction, Double resident,
                                 Map<String, Double> weights, SchemeVariant.Bands bands, List<String> without) {
        return new SchemeVariant(agencyScheme, streetScheme, satisfaction, resident, weights, bands, without);
    }

    private static ScoredPeriod period(ReportingPeriod period, List<StreetInputs> streets) {
        return new ScoredPeriod(period, "agency-2016.v1", "street-2016.v1", true,
                Stream.of(X, Y).map(a -> new ScoredPeriod.ScoredAgency(a, AGENCIES.score(a))).toList(),
                streets.stream().map(s -> new ScoredPeriod.ScoredStreet(s, STREETS.score(s))).toList());
    }

    private static StreetInputs street(String code, double satisfaction, double recordedShare) {
        Map<Indicator, Ratio> met = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            met.put(i, i.higherIsBetter() ? new Ratio(100, 100) : new Ratio(0, 100));
        }
        Map<String, Double> recorded = new HashMap<>();
        STREETS.items().stream().filter(i -> i.measure() == ItemMeasure.RECORDED)
                .forEach(i -> recorded.put(i.code(), i.recordedOutOf() * recordedShare));
        return new StreetInputs(code, new IndicatorValues(met), new ResidentEvaluation(1200, satisfaction, 100, satisfaction), recorded);
    }

    /** Indicators at {@code attainment} of their targets (exact quarters over a denominator of 400). */
    private static AgencyInputs agency(String id, double attainment, double resident) {
        Map<Indicator, Ratio> ratios = new EnumMap<>(Indicator.class);
        for (AgencyScheme.IndicatorWeight w : AGENCIES.indicators()) {
            double value = w.indicator().higherIsBetter() ? w.target() * attainment : w.target() * (2 - attainment);
            ratios.put(w.indicator(), new Ratio(Math.round(value * 400), 400));
        }
        ResidentEvaluation evaluation = resident == 100 ? new ResidentEvaluation(300, 100.0, 30, 100.0)
                : new ResidentEvaluation(300, resident, 0, null);
        return new AgencyInputs(id, "S-A", new IndicatorValues(ratios), evaluation);
    }
}
