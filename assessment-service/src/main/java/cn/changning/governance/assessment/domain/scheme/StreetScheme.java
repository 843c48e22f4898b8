package cn.changning.governance.assessment.domain.scheme;

import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.indicator.Ratio;
import cn.changning.governance.assessment.domain.scoring.Scheme;
import cn.changning.governance.assessment.domain.scoring.ScoreCard;
import cn.changning.governance.assessment.domain.scoring.ScoreLine;
import cn.changning.governance.assessment.domain.scoring.StreetInputs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The district's assessment of a street for a year: assessment items worth 100 points in all, of which the
 * SATISFACTION items are worth {@code satisfactionPoints}. SATISFACTION items earn their points in proportion to the
 * score residents gave (none: 0); INDICATOR items against their target, an indicator with no value (0/0) having its
 * points shared out among the measured INDICATOR items; RECORDED items what the district recorded (none: 0, "not
 * recorded"). A street's sheet is ranked, not graded, unless the scheme has bands.
 */
public record StreetScheme(String id, String title, String reading, String description, double satisfactionPoints,
                           List<AssessmentItem> items, GradeBands bands) implements Scheme<StreetInputs> {

    public StreetScheme {
        Objects.requireNonNull(id, "id");
        items = List.copyOf(items);
        Set<String> codes = new HashSet<>();
        double total = 0;
        double satisfaction = 0;
        for (AssessmentItem item : items) {
            if (!codes.add(item.code())) {
                throw new IllegalArgumentException("item " + item.code() + ": the code is used twice");
            }
            total += item.points();
            satisfaction += item.measure() == ItemMeasure.SATISFACTION ? item.points() : 0;
        }
        if (Math.abs(total - 100) > AgencyScheme.TOLERANCE) {
            throw new IllegalArgumentException("the items' points add up to " + SchemeWords.num(total) + ", not 100");
        }
        if (Math.abs(satisfaction - satisfactionPoints) > AgencyScheme.TOLERANCE) {
            throw new IllegalArgumentException("the SATISFACTION items add up to " + SchemeWords.num(satisfaction)
                    + " points, not the declared satisfactionPoints " + SchemeWords.num(satisfactionPoints));
        }
    }

    @Override
    public ScoreCard score(StreetInputs inputs) {
        IndicatorValues values = inputs.indicators() == null ? IndicatorValues.EMPTY : inputs.indicators();
        ResidentEvaluation evaluation = inputs.residentEvaluation() == null ? ResidentEvaluation.NONE : inputs.residentEvaluation();
        Map<String, Double> recorded = inputs.recordedItemPoints() == null ? Map.of() : inputs.recordedItemPoints();

        double indicatorPoints = 0;
        double measuredPoints = 0;
        List<String> unmeasured = new ArrayList<>();
        for (AssessmentItem item : items) {
            if (item.measure() == ItemMeasure.INDICATOR) {
                indicatorPoints += item.points();
                if (values.of(item.indicator()).value() != null) {
                    measuredPoints += item.points();
                } else if (item.points() > 0) {
                    unmeasured.add(item.code());
                }
            }
        }
        double factor = measuredPoints > 0 ? indicatorPoints / measuredPoints : 0;

        List<ScoreLine> lines = new ArrayList<>(items.size());
        for (AssessmentItem item : items) {
            lines.add(switch (item.measure()) {
                case SATISFACTION -> satisfactionLine(item, evaluation);
                case INDICATOR -> indicatorLine(item, values.of(item.indicator()), factor, unmeasured);
                case RECORDED -> recordedLine(item, recorded.get(item.code()));
            });
        }
        double total = SchemeWords.round(lines.stream().mapToDouble(ScoreLine::points).sum());
        return new ScoreCard(id, total, bands == null ? null : bands.grade(total), lines);
    }

    private static ScoreLine satisfactionLine(AssessmentItem item, ResidentEvaluation e) {
        boolean survey = item.source() == SatisfactionSource.SURVEY;
        Double score = survey ? e.surveyScore() : e.feedbackCount() > 0 ? e.feedbackScore() : null;
        if (score == null) {
            return new ScoreLine(item.code(), item.name(), null, item.points(), 0,
                    (survey ? "no survey answer" : "no case feedback") + ": 0 of " + SchemeWords.num(item.points()) + " points");
        }
        double points = SchemeWords.round(item.points() * score / 100);
        String from = survey ? "survey " + SchemeWords.score(score) + " (" + e.respondents() + " respondents)"
                : "case feedback " + SchemeWords.score(score) + " (" + e.feedbackCount() + " cases)";
        return new ScoreLine(item.code(), item.name(), score, item.points(), points,
                from + " → " + SchemeWords.percent(score / 100) + " of " + SchemeWords.num(item.points()) + " points = " + SchemeWords.num(points));
    }

    private static ScoreLine indicatorLine(AssessmentItem item, Ratio ratio, double factor, List<String> unmeasured) {
        Double value = ratio.value();
        if (value == null) {
            return new ScoreLine(item.code(), item.name(), null, 0, 0, "no value (0/0): "
                    + (factor > 0 ? "its " + SchemeWords.num(item.points()) + " points are shared out among the measured indicator items"
                    : "no indicator item is measured, none earns points"));
        }
        Attainment attainment = Attainment.of(item.indicator(), value, item.target());
        double max = item.points() * factor;
        double points = SchemeWords.round(max * attainment.share());
        String of = unmeasured.isEmpty() ? SchemeWords.num(max) + " points"
                : SchemeWords.num(item.points()) + " + " + SchemeWords.num(max - item.points()) + " shared out from "
                + String.join(", ", unmeasured) + " = " + SchemeWords.num(max) + " points";
        return new ScoreLine(item.code(), item.name(), value, SchemeWords.round(max), points,
                ratio.numerator() + "/" + ratio.denominator() + ": " + attainment.why() + " of " + of + " = " + SchemeWords.num(points));
    }

    private static ScoreLine recordedLine(AssessmentItem item, Double recorded) {
        double outOf = item.recordedOutOf();
        if (recorded == null) {
            return new ScoreLine(item.code(), item.name(), null, item.points(), 0,
                    "not recorded: 0 of " + SchemeWords.num(item.points()) + " points");
        }
        double counted = Math.max(0, Math.min(outOf, recorded));
        String capped = counted == recorded ? "" : " (counted as " + SchemeWords.num(counted) + ")";
        double points = SchemeWords.round(item.points() * counted / outOf);
        String basis = Math.abs(item.points() - outOf) < AgencyScheme.TOLERANCE
                ? "recorded " + SchemeWords.num(recorded) + " of " + SchemeWords.num(outOf) + capped + " = " + SchemeWords.num(points)
                : "recorded " + SchemeWords.num(recorded) + " of " + SchemeWords.num(outOf) + capped + " → "
                + SchemeWords.percent(counted / outOf) + " of " + SchemeWords.num(item.points()) + " points = " + SchemeWords.num(points);
        return new ScoreLine(item.code(), item.name(), recorded, item.points(), points, basis);
    }

    /**
     * The scheme without some items and with satisfaction at other points (what-if): the SATISFACTION items are scaled
     * to {@code newSatisfaction} (given, or this scheme's) and the other items to the rest of 100, so the total stays
     * 100. Recorded points keep their scale ({@code recordedOutOf}).
     */
    public StreetScheme rescaled(String newId, Set<String> without, Double newSatisfaction) {
        List<AssessmentItem> kept = items.stream().filter(i -> !without.contains(i.code())).toList();
        double satisfaction = newSatisfaction != null ? newSatisfaction : satisfactionPoints;
        double satisfactionNow = kept.stream().filter(i -> i.measure() == ItemMeasure.SATISFACTION).mapToDouble(AssessmentItem::points).sum();
        double othersNow = kept.stream().filter(i -> i.measure() != ItemMeasure.SATISFACTION).mapToDouble(AssessmentItem::points).sum();
        if (satisfactionNow <= 0 && satisfaction > 0) {
            throw new IllegalArgumentException("no SATISFACTION item with points is left to carry " + SchemeWords.num(satisfaction) + " points");
        }
        if (othersNow <= 0 && satisfaction < 100) {
            throw new IllegalArgumentException("no other item with points is left to carry " + SchemeWords.num(100 - satisfaction) + " points");
        }
        List<AssessmentItem> scaled = kept.stream().map(i -> i.measure() == ItemMeasure.SATISFACTION
                ? i.withPoints(satisfactionNow > 0 ? i.points() * satisfaction / satisfactionNow : 0)
                : i.withPoints(othersNow > 0 ? i.points() * (100 - satisfaction) / othersNow : 0)).toList();
        return new StreetScheme(newId, title + " (what-if)", reading, description, satisfaction, scaled, bands);
    }

    public java.util.Optional<AssessmentItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
