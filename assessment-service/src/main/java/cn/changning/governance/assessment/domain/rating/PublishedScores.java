package cn.changning.governance.assessment.domain.rating;

import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.indicator.Ratio;
import cn.changning.governance.assessment.domain.scoring.AgencyInputs;
import cn.changning.governance.assessment.domain.scoring.Grade;
import cn.changning.governance.assessment.domain.scoring.ScoreCard;
import cn.changning.governance.assessment.domain.scoring.ScoreLine;
import cn.changning.governance.assessment.domain.scoring.StreetInputs;
import cn.changning.governance.contracts.assessment.AgencyGrade;
import cn.changning.governance.contracts.assessment.AgencyScoringInputs;
import cn.changning.governance.contracts.assessment.IndicatorCount;
import cn.changning.governance.contracts.assessment.PublishedScoreCard;
import cn.changning.governance.contracts.assessment.PublishedScoreLine;
import cn.changning.governance.contracts.assessment.ResidentFigures;
import cn.changning.governance.contracts.assessment.StreetScoringInputs;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The service's scoring types to and from their published forms (events cannot carry the service's own types), both
 * ways without loss: a period is re-scored from what its events hold.
 */
public final class PublishedScores {

    private PublishedScores() {
    }

    public static AgencyGrade grade(Grade grade) {
        return grade == null ? null : AgencyGrade.valueOf(grade.name());
    }

    public static Grade grade(AgencyGrade grade) {
        return grade == null ? null : Grade.valueOf(grade.name());
    }

    public static PublishedScoreCard card(ScoreCard card) {
        return new PublishedScoreCard(card.schemeId(), card.total(), grade(card.grade()), card.lines().stream()
                .map(l -> new PublishedScoreLine(l.component(), l.label(), l.value(), l.maxPoints(), l.points(), l.basis()))
                .toList());
    }

    public static ScoreCard card(PublishedScoreCard card) {
        return new ScoreCard(card.schemeId(), card.total(), grade(card.grade()), card.lines().stream()
                .map(l -> new ScoreLine(l.component(), l.label(), l.value(), l.maxPoints(), l.points(), l.basis())).toList());
    }

    public static AgencyScoringInputs inputs(AgencyInputs inputs) {
        return new AgencyScoringInputs(inputs.agencyId(), inputs.streetCode(), counts(inputs.indicators()),
                figures(inputs.residentEvaluation()));
    }

    public static AgencyInputs inputs(AgencyScoringInputs inputs) {
        return new AgencyInputs(inputs.agencyId(), inputs.streetCode(), values(inputs.indicators()),
                evaluation(inputs.residentEvaluation()));
    }

    public static StreetScoringInputs inputs(StreetInputs inputs) {
        return new StreetScoringInputs(inputs.streetCode(), counts(inputs.indicators()), figures(inputs.residentEvaluation()),
                inputs.recordedItemPoints());
    }

    public static StreetInputs inputs(StreetScoringInputs inputs) {
        return new StreetInputs(inputs.streetCode(), values(inputs.indicators()), evaluation(inputs.residentEvaluation()),
                inputs.recordedItemPoints());
    }

    /** In the indicators' order, so the same values always publish as the same list. */
    private static List<IndicatorCount> counts(IndicatorValues values) {
        IndicatorValues v = values == null ? IndicatorValues.EMPTY : values;
        return v.ratios().entrySet().stream()
                .map(e -> new IndicatorCount(e.getKey().name(), e.getValue().numerator(), e.getValue().denominator())).toList();
    }

    private static IndicatorValues values(List<IndicatorCount> counts) {
        Map<Indicator, Ratio> ratios = new EnumMap<>(Indicator.class);
        counts.forEach(c -> ratios.put(Indicator.valueOf(c.indicator()), new Ratio(c.numerator(), c.denominator())));
        return new IndicatorValues(ratios);
    }

    private static ResidentFigures figures(ResidentEvaluation e) {
        ResidentEvaluation r = e == null ? ResidentEvaluation.NONE : e;
        return new ResidentFigures(r.respondents(), r.surveyScore(), r.feedbackCount(), r.feedbackScore());
    }

    private static ResidentEvaluation evaluation(ResidentFigures f) {
        return f == null ? ResidentEvaluation.NONE
                : new ResidentEvaluation(f.respondents(), f.surveyScore(), f.feedbackCount(), f.feedbackScore());
    }
}
