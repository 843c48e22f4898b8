package cn.changning.governance.assessment.domain.scheme;

import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.scoring.SchemeCatalogue;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Another way to score a period (what-if): another scheme by id, and/or overrides of the period's schemes (or of the
 * named ones). Every field is optional; an empty variant re-scores under the recorded schemes.
 *
 * @param agencySchemeId           an agency scheme to score the agencies with instead of the period's
 * @param streetSchemeId           a street scheme to score the streets with instead of the period's
 * @param satisfactionPoints       the SATISFACTION items' points together (e.g. 20): they are scaled to it and the other
 *                                 items to the rest of 100
 * @param residentEvaluationWeight resident evaluation's weight in the agencies' score; the indicators are scaled to the
 *                                 rest of 100
 * @param indicatorWeights         indicator → weight, relative: they replace the scheme's and all indicators are then
 *                                 scaled to fill 100 minus resident evaluation
 * @param gradeBands               the agencies' grade bands
 * @param withoutItems             street items to leave out (the others are scaled to keep 100)
 */
public record SchemeVariant(String agencySchemeId, String streetSchemeId, Double satisfactionPoints,
                            Double residentEvaluationWeight, Map<String, Double> indicatorWeights, Bands gradeBands,
                            List<String> withoutItems) {

    public static final SchemeVariant NONE = new SchemeVariant(null, null, null, null, null, null, null);

    /** Grade bands as a variant gives them: where EXCELLENT, GOOD and PASS start. */
    public record Bands(Double excellent, Double good, Double pass) {
    }

    public boolean changesAgencyWeights() {
        return residentEvaluationWeight != null || (indicatorWeights != null && !indicatorWeights.isEmpty()) || gradeBands != null;
    }

    public boolean changesStreetItems() {
        return satisfactionPoints != null || (withoutItems != null && !withoutItems.isEmpty());
    }

    /** The checks that need no period: known schemes and indicators, numbers in range, bands in order. */
    public void check(SchemeCatalogue catalogue) {
        if (agencySchemeId != null && catalogue.agencyScheme(agencySchemeId).isEmpty()) {
            throw new VariantRefused("agencySchemeId", "no agency scheme '" + agencySchemeId + "'");
        }
        if (streetSchemeId != null && catalogue.streetScheme(streetSchemeId).isEmpty()) {
            throw new VariantRefused("streetSchemeId", "no street scheme '" + streetSchemeId + "'");
        }
        points(satisfactionPoints, "satisfactionPoints");
        points(residentEvaluationWeight, "residentEvaluationWeight");
        checkedIndicatorWeights();
        checkedBands();
        if (withoutItems != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < withoutItems.size(); i++) {
                String code = withoutItems.get(i);
                if (code == null || code.isBlank()) {
                    throw new VariantRefused("withoutItems[" + i + "]", "an item code is required");
                }
                if (!seen.add(code)) {
                    throw new VariantRefused("withoutItems[" + i + "]", "item " + code + " is listed twice");
                }
            }
        }
    }

    /** The indicator weights by indicator, checked: known indicators counted for agencies, weights 0 or more. */
    public Map<Indicator, Double> checkedIndicatorWeights() {
        Map<Indicator, Double> weights = new EnumMap<>(Indicator.class);
        if (indicatorWeights == null) {
            return weights;
        }
        for (Map.Entry<String, Double> e : indicatorWeights.entrySet()) {
            String field = "indicatorWeights." + e.getKey();
            Indicator indicator = Arrays.stream(Indicator.values()).filter(i -> i.name().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new VariantRefused(field, "'" + e.getKey() + "' is not an indicator; known: "
                            + Arrays.toString(Indicator.values())));
            if (!indicator.subjects().contains(SubjectKind.AGENCY)) {
                throw new VariantRefused(field, indicator + " is not counted for agencies");
            }
            Double weight = e.getValue();
            if (weight == null || weight.isNaN() || weight.isInfinite()) {
                throw new VariantRefused(field, "a weight is a number");
            }
            if (weight < 0) {
                throw new VariantRefused(field, "weight " + SchemeWords.num(weight) + " is negative");
            }
            weights.put(indicator, weight);
        }
        return weights;
    }

    /** The grade bands, checked; null when the variant keeps the scheme's. */
    public GradeBands checkedBands() {
        if (gradeBands == null) {
            return null;
        }
        required(gradeBands.excellent(), "gradeBands.excellent");
        required(gradeBands.good(), "gradeBands.good");
        required(gradeBands.pass(), "gradeBands.pass");
        String problem = GradeBands.problem(gradeBands.excellent(), gradeBands.good(), gradeBands.pass());
        if (problem != null) {
            throw new VariantRefused("gradeBands", problem);
        }
        return GradeBands.of(gradeBands.excellent(), gradeBands.good(), gradeBands.pass());
    }

    private static void required(Double value, String field) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            throw new VariantRefused(field, "is required (a number)");
        }
    }

    private static void points(Double value, String field) {
        if (value != null && (!Double.isFinite(value) || value < 0 || value > 100)) {
            throw new VariantRefused(field, SchemeWords.num(value) + " is outside 0-100");
        }
    }
}
