package cn.changning.governance.assessment.domain.scheme;

import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.indicator.Ratio;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.scoring.AgencyInputs;
import cn.changning.governance.assessment.domain.scoring.Scheme;
import cn.changning.governance.assessment.domain.scoring.ScoreCard;
import cn.changning.governance.assessment.domain.scoring.ScoreLine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a street rates a stationed agency: weighted indicators (each against a target, lower-is-better ones against a
 * ceiling, see {@link Attainment}) and resident evaluation (survey and case feedback), out of 100, graded by bands.
 * A line with nothing measured (an indicator at 0/0, or no resident evaluation at all) earns nothing and its weight
 * is shared out among the measured lines in proportion to their weights, so an agency is judged on what it did; each
 * line's basis says so. With nothing measured the total is 0.
 */
public record AgencyScheme(String id, String title, String reading, String description, List<IndicatorWeight> indicators,
                           ResidentEvaluationWeight residentEvaluation, GradeBands bands) implements Scheme<AgencyInputs> {

    public static final String RESIDENT_EVALUATION = "RESIDENT_EVALUATION";
    static final double TOLERANCE = 0.001;

    /** One indicator's weight (points out of 100) and target (a ceiling for a lower-is-better indicator). */
    public record IndicatorWeight(Indicator indicator, double weight, double target) {
    }

    /** Resident evaluation's weight, and the survey's share of it (the rest is case feedback). */
    public record ResidentEvaluationWeight(double weight, double surveyShare) {
    }

    public AgencyScheme {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(residentEvaluation, "residentEvaluation");
        indicators = List.copyOf(indicators);
        Set<Indicator> seen = EnumSet.noneOf(Indicator.class);
        double total = residentEvaluation.weight();
        for (IndicatorWeight w : indicators) {
            String entry = "indicators[" + w.indicator() + "]";
            if (!seen.add(w.indicator())) {
                throw new IllegalArgumentException(entry + ": the indicator is weighted twice");
            }
            if (!w.indicator().subjects().contains(SubjectKind.AGENCY)) {
                throw new IllegalArgumentException(entry + ": " + w.indicator() + " is not counted for agencies");
            }
            if (!(w.weight() >= 0)) {
                throw new IllegalArgumentException(entry + ": weight " + w.weight() + " is negative");
            }
            if (!Attainment.validTarget(w.indicator(), w.target())) {
                throw new IllegalArgumentException(entry + ": target " + w.target() + " is not a rate in (0, 1)");
            }
            total += w.weight();
        }
        if (!(residentEvaluation.weight() >= 0)) {
            throw new IllegalArgumentException("residentEvaluation.weight " + residentEvaluation.weight() + " is negative");
        }
        if (!(residentEvaluation.surveyShare() >= 0 && residentEvaluation.surveyShare() <= 1)) {
            throw new IllegalArgumentException("residentEvaluation.surveyShare " + residentEvaluation.surveyShare() + " is outside 0-1");
        }
        if (Math.abs(total - 100) > TOLERANCE) {
            throw new IllegalArgumentException("weights add up to " + SchemeWords.num(total) + ", not 100");
        }
    }

    @Override
    public ScoreCard score(AgencyInputs inputs) {
        IndicatorValues values = inputs.indicators() == null ? IndicatorValues.EMPTY : inputs.indicators();
        ResidentEvaluation evaluation = inputs.residentEvaluation() == null ? ResidentEvaluation.NONE : inputs.residentEvaluation();
        Double resident = residentScore(evaluation);

        double measured = resident == null ? 0 : residentEvaluation.weight();
        List<String> unmeasured = new ArrayList<>();
        for (IndicatorWeight w : indicators) {
            if (values.of(w.indicator()).value() != null) {
                measured += w.weight();
            } else if (w.weight() > 0) {
                unmeasured.add(w.indicator().name());
            }
        }
        if (resident == null && residentEvaluation.weight() > 0) {
            unmeasured.add(RESIDENT_EVALUATION);
        }
        double factor = measured > 0 ? 100 / measured : 0;

        List<ScoreLine> lines = new ArrayList<>(indicators.size() + 1);
        for (IndicatorWeight w : indicators) {
            Ratio ratio = values.of(w.indicator());
            Double value = ratio.value();
            if (value == null) {
                lines.add(new ScoreLine(w.indicator().name(), w.indicator().label(), null, 0, 0,
                        "no value (0/0): " + sharedOut(w.weight(), factor)));
                continue;
            }
            Attainment attainment = Attainment.of(w.indicator(), value, w.target());
            double max = w.weight() * factor;
            double points = SchemeWords.round(max * attainment.share());
            lines.add(new ScoreLine(w.indicator().name(), w.indicator().label(), value, SchemeWords.round(max), points,
                    ratio.numerator() + "/" + ratio.denominator() + ": " + attainment.why() + " of " + weight(w.weight(), factor, unmeasured)
                            + " = " + SchemeWords.num(points)));
        }
        if (resident == null) {
            lines.add(new ScoreLine(RESIDENT_EVALUATION, "resident evaluation", null, 0, 0,
                    "no survey answer and no case feedback: " + sharedOut(residentEvaluation.weight(), factor)));
        } else {
            double max = residentEvaluation.weight() * factor;
            double points = SchemeWords.round(max * resident / 100);
            lines.add(new ScoreLine(RESIDENT_EVALUATION, "resident evaluation", resident, SchemeWords.round(max), points,
                    residentWords(evaluation, resident) + " of " + weight(residentEvaluation.weight(), factor, unmeasured)
                            + " = " + SchemeWords.num(points)));
        }
        double total = SchemeWords.round(lines.stream().mapToDouble(ScoreLine::points).sum());
        return new ScoreCard(id, total, bands.grade(total), lines);
    }

    /** The resident evaluation's score 0–100: survey and feedback by the survey's share, one alone counts alone; null with neither. */
    Double residentScore(ResidentEvaluation e) {
        Double survey = e.surveyScore();
        Double feedback = e.feedbackCount() > 0 ? e.feedbackScore() : null;
        if (survey == null && feedback == null) {
            return null;
        }
        if (survey == null) {
            return feedback;
        }
        if (feedback == null) {
            return survey;
        }
        return survey * residentEvaluation.surveyShare() + feedback * (1 - residentEvaluation.surveyShare());
    }

    private String residentWords(ResidentEvaluation e, double resident) {
        String survey = e.surveyScore() == null ? null
                : "survey " + SchemeWords.score(e.surveyScore()) + " (" + e.respondents() + " respondents)";
        String feedback = e.feedbackCount() > 0 && e.feedbackScore() != null
                ? "case feedback " + SchemeWords.score(e.feedbackScore()) + " (" + e.feedbackCount() + " cases)" : null;
        String how;
        if (survey != null && feedback != null) {
            how = survey + " × " + SchemeWords.num(residentEvaluation.surveyShare()) + " + " + feedback + " × "
                    + SchemeWords.num(1 - residentEvaluation.surveyShare()) + " = " + SchemeWords.score(resident);
        } else if (survey != null) {
            how = survey + ", no case feedback, so the survey counts alone";
        } else {
            how = feedback + ", no survey answer, so the feedback counts alone";
        }
        return how + " → " + SchemeWords.percent(resident / 100);
    }

    private static String weight(double weight, double factor, List<String> unmeasured) {
        if (unmeasured.isEmpty()) {
            return SchemeWords.num(weight) + " points";
        }
        return "weight " + SchemeWords.num(weight) + " + " + SchemeWords.num(weight * factor - weight) + " shared out from "
                + String.join(", ", unmeasured) + " = " + SchemeWords.num(weight * factor) + " points";
    }

    private static String sharedOut(double weight, double factor) {
        return factor > 0 ? "its " + SchemeWords.num(weight) + " points are shared out among the measured lines"
                : "nothing is measured, no line earns points";
    }

    /** This scheme's weights by indicator, in order. */
    public Map<Indicator, Double> weights() {
        Map<Indicator, Double> weights = new LinkedHashMap<>();
        indicators.forEach(w -> weights.put(w.indicator(), w.weight()));
        return weights;
    }

    /**
     * The scheme with other weights (what-if): listed indicator weights replace this scheme's, then the indicators are
     * scaled to fill 100 minus the resident-evaluation weight (given, or this scheme's), so the total stays 100.
     */
    public AgencyScheme reweighted(String newId, Map<Indicator, Double> indicatorWeights, Double residentWeight, GradeBands newBands) {
        double resident = residentWeight != null ? residentWeight : residentEvaluation.weight();
        double sum = indicators.stream().mapToDouble(w -> indicatorWeights.getOrDefault(w.indicator(), w.weight())).sum();
        if (sum <= 0 && resident < 100) {
            throw new IllegalArgumentException("the indicators' weights add up to 0, so resident evaluation must weigh 100");
        }
        double scale = sum > 0 ? (100 - resident) / sum : 0;
        List<IndicatorWeight> scaled = indicators.stream()
                .map(w -> new IndicatorWeight(w.indicator(), indicatorWeights.getOrDefault(w.indicator(), w.weight()) * scale, w.target()))
                .toList();
        return new AgencyScheme(newId, title + " (what-if)", reading, description, scaled,
                new ResidentEvaluationWeight(resident, residentEvaluation.surveyShare()), newBands != null ? newBands : bands);
    }
}
