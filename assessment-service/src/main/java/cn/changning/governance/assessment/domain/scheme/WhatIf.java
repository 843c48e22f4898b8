package cn.changning.governance.assessment.domain.scheme;

import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.period.PeriodKind;
import cn.changning.governance.assessment.domain.scoring.AgencyInputs;
import cn.changning.governance.assessment.domain.scoring.Scheme;
import cn.changning.governance.assessment.domain.scoring.SchemeCatalogue;
import cn.changning.governance.assessment.domain.scoring.ScoreCard;
import cn.changning.governance.assessment.domain.scoring.ScoreLine;
import cn.changning.governance.assessment.domain.scoring.ScoredPeriod;
import cn.changning.governance.assessment.domain.scoring.StreetInputs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What-if re-scoring: every agency and street of a scored period scored again from its recorded inputs under a
 * variant, ranked, and set beside the recorded cards and ranking. Pure: nothing recorded is read but the period given,
 * nothing is changed. "Before" is the recorded card (corrections applied), not a re-scoring under the recorded scheme.
 */
public final class WhatIf {

    public static final String VARIANT_SUFFIX = "+what-if";
    private static final int LINES_KEPT = 5;
    private static final int LINES_TOLD = 3;

    private final SchemeCatalogue catalogue;

    public WhatIf(SchemeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Every agency and (for a year) every street; see {@link #answer(ScoredPeriod, SchemeVariant, Predicate, boolean)}. */
    public WhatIfAnswer answer(ScoredPeriod period, SchemeVariant variant) {
        return answer(period, variant, a -> true, true);
    }

    /**
     * @param agencyShown   which agencies the answer holds; they are ranked among themselves
     * @param streetsShown  whether the answer holds the street ranking (it is a year's, and then always the whole)
     */
    public WhatIfAnswer answer(ScoredPeriod period, SchemeVariant variant, Predicate<AgencyInputs> agencyShown, boolean streetsShown) {
        variant.check(catalogue);
        List<String> words = new ArrayList<>();
        Scheme<AgencyInputs> agencyScheme = agencyScheme(period, variant, words);
        boolean year = period.period().kind() == PeriodKind.YEAR;
        Scheme<StreetInputs> streetScheme = year ? streetScheme(period, variant, words) : null;

        List<ScoredPeriod.ScoredAgency> agencies = period.agencies().stream().filter(a -> agencyShown.test(a.inputs())).toList();
        WhatIfAnswer.Comparison agencyComparison = compare(period.agencySchemeId(), agencyScheme.id(), agencies,
                a -> a.inputs().agencyId(), a -> a.inputs().streetCode(), ScoredPeriod.ScoredAgency::card,
                a -> agencyScheme.score(a.inputs()));
        WhatIfAnswer.Comparison streetComparison = null;
        String streetsNote = null;
        if (!year) {
            streetsNote = "the district assesses streets by year; " + period.period().id() + " is a " + period.period().kind();
        } else if (!streetsShown) {
            streetsNote = "the street ranking is shown to the district and the street centres";
        } else {
            streetComparison = compare(period.streetSchemeId(), streetScheme.id(), period.streets(),
                    s -> s.inputs().streetCode(), s -> s.inputs().streetCode(), ScoredPeriod.ScoredStreet::card,
                    s -> streetScheme.score(s.inputs()));
        }
        if (words.isEmpty()) {
            words.add("no change: the recorded schemes, from the recorded inputs");
        }
        return new WhatIfAnswer(period.period().id(), period.confirmed(), words, agencyComparison, streetComparison, streetsNote);
    }

    private Scheme<AgencyInputs> agencyScheme(ScoredPeriod period, SchemeVariant variant, List<String> words) {
        String id = variant.agencySchemeId() != null ? variant.agencySchemeId() : period.agencySchemeId();
        Scheme<AgencyInputs> base = catalogue.agencyScheme(id).orElseThrow(() -> new VariantRefused("agencySchemeId",
                "the period was scored under " + id + ", which is not loaded: name an agency scheme"));
        if (variant.agencySchemeId() != null && !variant.agencySchemeId().equals(period.agencySchemeId())) {
            words.add("agencies scored under " + id + " instead of " + period.agencySchemeId());
        }
        if (!variant.changesAgencyWeights()) {
            return base;
        }
        if (!(base instanceof AgencyScheme scheme)) {
            throw new VariantRefused("agencySchemeId", id + " takes no overrides");
        }
        Map<Indicator, Double> weights = variant.checkedIndicatorWeights();
        Map<Indicator, Double> own = scheme.weights();
        for (Indicator indicator : weights.keySet()) {
            if (!own.containsKey(indicator)) {
                throw new VariantRefused("indicatorWeights." + indicator, id + " does not weigh " + indicator + " (it has no target for it)");
            }
        }
        try {
            AgencyScheme changed = scheme.reweighted(id + VARIANT_SUFFIX, weights, variant.residentEvaluationWeight(), variant.checkedBands());
            if (variant.residentEvaluationWeight() != null) {
                words.add("resident evaluation weighs " + SchemeWords.num(variant.residentEvaluationWeight()) + " instead of "
                        + SchemeWords.num(scheme.residentEvaluation().weight()) + " (the indicators scaled to "
                        + SchemeWords.num(100 - variant.residentEvaluationWeight()) + ")");
            }
            if (!weights.isEmpty()) {
                StringBuilder w = new StringBuilder("indicator weights (relative, scaled to fill the indicators' points):");
                weights.forEach((i, v) -> w.append(' ').append(i).append(' ').append(SchemeWords.num(own.get(i))).append(" → ").append(SchemeWords.num(v)));
                words.add(w.toString());
            }
            if (variant.gradeBands() != null) {
                GradeBands b = changed.bands();
                words.add("grade bands: EXCELLENT from " + SchemeWords.num(b.excellent()) + ", GOOD from " + SchemeWords.num(b.good())
                        + ", PASS from " + SchemeWords.num(b.pass()));
            }
            return changed;
        } catch (VariantRefused e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new VariantRefused(variant.residentEvaluationWeight() != null ? "residentEvaluationWeight" : "indicatorWeights", e.getMessage());
        }
    }

    private Scheme<StreetInputs> streetScheme(ScoredPeriod period, SchemeVariant variant, List<String> words) {
        String id = variant.streetSchemeId() != null ? variant.streetSchemeId() : period.streetSchemeId();
        Scheme<StreetInputs> base = catalogue.streetScheme(id).orElseThrow(() -> new VariantRefused("streetSchemeId",
                "the period was scored under " + id + ", which is not loaded: name a street scheme"));
        if (variant.streetSchemeId() != null && !variant.streetSchemeId().equals(period.streetSchemeId())) {
            words.add("streets scored under " + id + " instead of " + period.streetSchemeId());
        }
        if (!variant.changesStreetItems()) {
            return base;
        }
        if (!(base instanceof StreetScheme scheme)) {
            throw new VariantRefused("streetSchemeId", id + " takes no overrides");
        }
        Set<String> without = new HashSet<>();
        List<String> listed = variant.withoutItems() == null ? List.of() : variant.withoutItems();
        for (int i = 0; i < listed.size(); i++) {
            if (scheme.item(listed.get(i)).isEmpty()) {
                throw new VariantRefused("withoutItems[" + i + "]", id + " has no item '" + listed.get(i) + "'");
            }
            without.add(listed.get(i));
        }
        StreetScheme changed;
        try {
            changed = scheme.rescaled(id + VARIANT_SUFFIX, without, variant.satisfactionPoints());
        } catch (IllegalArgumentException e) {
            throw new VariantRefused(variant.satisfactionPoints() != null ? "satisfactionPoints" : "withoutItems", e.getMessage());
        }
        if (!without.isEmpty()) {
            words.add("without items " + String.join(", ", listed) + " (" + changed.items().size() + " items left, scaled to keep 100)");
        }
        if (variant.satisfactionPoints() != null) {
            words.add("satisfaction at " + SchemeWords.num(changed.satisfactionPoints()) + " points instead of "
                    + SchemeWords.num(scheme.satisfactionPoints()) + " (the other items scaled to " + SchemeWords.num(100 - changed.satisfactionPoints()) + ")");
        }
        return changed;
    }

    private static <S> WhatIfAnswer.Comparison compare(String schemeBefore, String schemeAfter, List<S> subjects,
                                                       Function<S, String> id, Function<S, String> street,
                                                       Function<S, ScoreCard> recorded, Function<S, ScoreCard> rescore) {
        Map<String, ScoreCard> before = new LinkedHashMap<>();
        Map<String, ScoreCard> after = new LinkedHashMap<>();
        Map<String, String> streets = new LinkedHashMap<>();
        for (S subject : subjects) {
            before.put(id.apply(subject), recorded.apply(subject));
            after.put(id.apply(subject), rescore.apply(subject));
            streets.put(id.apply(subject), street.apply(subject));
        }
        Map<String, Ranking.Place> rankedBefore = ranking(before).bySubject();
        Map<String, Ranking.Place> rankedAfter = ranking(after).bySubject();
        List<WhatIfAnswer.Move> moves = new ArrayList<>();
        int moved = 0;
        for (Ranking.Place now : rankedAfter.values()) {
            Ranking.Place was = rankedBefore.get(now.subjectId());
            moved += was.rank() != now.rank() ? 1 : 0;
            moves.add(move(now.subjectId(), streets.get(now.subjectId()), was, now, before.get(now.subjectId()), after.get(now.subjectId())));
        }
        return new WhatIfAnswer.Comparison(schemeBefore, schemeAfter, subjects.size(), moved, moves);
    }

    private static Ranking ranking(Map<String, ScoreCard> cards) {
        Map<String, Double> totals = new LinkedHashMap<>();
        cards.forEach((subject, card) -> totals.put(subject, card.total()));
        return Ranking.of(totals);
    }

    private static WhatIfAnswer.Move move(String subject, String street, Ranking.Place was, Ranking.Place now,
                                          ScoreCard before, ScoreCard after) {
        List<WhatIfAnswer.LineChange> changes = lineChanges(before, after);
        int gained = was.rank() - now.rank();
        StringBuilder words = new StringBuilder();
        if (gained == 0) {
            words.append("keeps rank ").append(now.rank());
        } else {
            words.append(gained > 0 ? "up " : "down ").append(Math.abs(gained)).append(Math.abs(gained) == 1 ? " place" : " places")
                    .append(" (").append(was.rank()).append(" → ").append(now.rank()).append(')');
        }
        if (!now.tiedWith().isEmpty()) {
            words.append(", shared with ").append(String.join(", ", now.tiedWith()));
        }
        double change = SchemeWords.round(after.total() - before.total());
        words.append("; total ").append(SchemeWords.num(before.total())).append(" → ").append(SchemeWords.num(after.total()))
                .append(" (").append(SchemeWords.signed(change)).append(')');
        if (before.grade() != after.grade()) {
            words.append("; grade ").append(before.grade()).append(" → ").append(after.grade());
        }
        if (!changes.isEmpty()) {
            words.append("; most changed: ").append(String.join("; ", changes.stream().limit(LINES_TOLD).map(WhatIfAnswer.LineChange::why).toList()));
        }
        return new WhatIfAnswer.Move(subject, street, was.rank(), was.tiedWith(), now.rank(), now.tiedWith(), gained,
                before.total(), after.total(), change, before.grade(), after.grade(), words.toString(), changes);
    }

    /** The lines whose points changed, biggest change first; a line on one side only was added or left out. */
    static List<WhatIfAnswer.LineChange> lineChanges(ScoreCard before, ScoreCard after) {
        Map<String, ScoreLine> was = new LinkedHashMap<>();
        before.lines().forEach(l -> was.put(l.component(), l));
        Map<String, ScoreLine> now = new LinkedHashMap<>();
        after.lines().forEach(l -> now.put(l.component(), l));
        Set<String> components = new java.util.LinkedHashSet<>(was.keySet());
        components.addAll(now.keySet());
        List<WhatIfAnswer.LineChange> changes = new ArrayList<>();
        for (String component : components) {
            ScoreLine b = was.get(component);
            ScoreLine a = now.get(component);
            double pointsBefore = b == null ? 0 : b.points();
            double pointsAfter = a == null ? 0 : a.points();
            double change = SchemeWords.round(pointsAfter - pointsBefore);
            if (Math.abs(change) < 0.005) {
                continue;
            }
            String label = (a != null ? a : b).label();
            String why;
            if (a == null) {
                why = label + " no longer assessed: " + SchemeWords.signed(change) + " points";
            } else if (b == null) {
                why = label + " newly assessed (" + a.basis() + "): " + SchemeWords.signed(change) + " points";
            } else if (Math.abs(a.maxPoints() - b.maxPoints()) >= 0.005) {
                why = label + " " + value(a.value()) + " now weighs " + SchemeWords.num(a.maxPoints()) + " instead of "
                        + SchemeWords.num(b.maxPoints()) + ": " + SchemeWords.signed(change) + " points";
            } else {
                why = label + ": " + a.basis() + " (was " + SchemeWords.num(pointsBefore) + "): " + SchemeWords.signed(change) + " points";
            }
            changes.add(new WhatIfAnswer.LineChange(component, label, pointsBefore, pointsAfter, change, why));
        }
        changes.sort(Comparator.comparingDouble((WhatIfAnswer.LineChange c) -> -Math.abs(c.change())).thenComparing(WhatIfAnswer.LineChange::component));
        return changes.size() > LINES_KEPT ? List.copyOf(changes.subList(0, LINES_KEPT)) : changes;
    }

    private static String value(Double value) {
        if (value == null) {
            return "(no value)";
        }
        return value <= 1 ? SchemeWords.rate(value) : SchemeWords.score(value);
    }
}
