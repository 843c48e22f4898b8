package cn.changning.governance.benchmarks.support;

import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.IndicatorSubject;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.assessment.domain.scheme.AssessmentItem;
import cn.changning.governance.assessment.domain.scheme.ItemMeasure;
import cn.changning.governance.assessment.domain.scheme.SchemeLibrary;
import cn.changning.governance.assessment.domain.scheme.StreetScheme;
import cn.changning.governance.assessment.domain.scoring.AgencyInputs;
import cn.changning.governance.assessment.domain.scoring.Scheme;
import cn.changning.governance.assessment.domain.scoring.ScoredPeriod;
import cn.changning.governance.assessment.domain.scoring.StreetInputs;
import cn.changning.governance.contracts.cases.Satisfaction;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.AgencyType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What scoring needs besides the indicators, for the benchmark: resident evaluation and the street items the district
 * records, synthetic but fixed (seeded per subject), and the case feedback tallied from the generated events. Then
 * scoring itself, as the service's period scoring does: every agency of the directory (70) and every street (10) under
 * the current schemes, into a {@link ScoredPeriod}.
 */
public final class AssessmentInputs {

    /** Case feedback per street and per agency (the closing order's lead), as CaseFeedbackRecorded tells it. */
    public static final class Feedback {
        private final Map<String, long[]> tallies = new HashMap<>();

        public void add(AssessmentEventLog.Lifecycle l) {
            if (l.feedback() == null) {
                return;
            }
            int score = l.feedback() == Satisfaction.SATISFIED ? 100 : l.feedback() == Satisfaction.BASICALLY_SATISFIED ? 80 : 0;
            for (String subject : List.of("street:" + l.streetCode(), "agency:" + l.feedbackAgency())) {
                long[] t = tallies.computeIfAbsent(subject, s -> new long[2]);
                t[0]++;
                t[1] += score;
            }
        }

        long[] of(String subject) {
            return tallies.getOrDefault(subject, new long[2]);
        }
    }

    private final AgencyDirectory directory;
    private final Scheme<AgencyInputs> agencyScheme;
    private final Scheme<StreetInputs> streetScheme;
    private final Map<String, ResidentEvaluation> evaluations = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> recorded = new LinkedHashMap<>();
    private final List<String> streets;

    public AssessmentInputs(AgencyDirectory directory, SchemeLibrary library, Feedback feedback) {
        this.directory = directory;
        this.agencyScheme = library.agencyScheme(library.currentAgencySchemeId()).orElseThrow();
        this.streetScheme = library.streetScheme(library.currentStreetSchemeId()).orElseThrow();
        this.streets = directory.list(null, AgencyType.STREET_TEAM).stream().map(Agency::streetCode).toList();
        StreetScheme items = library.street(library.currentStreetSchemeId()).orElseThrow();
        for (String street : streets) {
            SplittableRandom rnd = random("street:" + street);
            double survey = 70 + 22 * rnd.nextDouble();
            evaluations.put("street:" + street, evaluation(1_000 + rnd.nextInt(400), survey, feedback.of("street:" + street)));
            Map<String, Double> points = new LinkedHashMap<>();
            for (AssessmentItem item : items.items()) {
                if (item.measure() == ItemMeasure.RECORDED) {
                    points.put(item.code(), Math.round(item.recordedOutOf() * (0.6 + 0.4 * rnd.nextDouble()) * 10) / 10.0);
                }
            }
            recorded.put(street, points);
            for (Agency agency : directory.list(street, null)) {
                SplittableRandom a = random("agency:" + agency.id());
                double score = Math.max(0, Math.min(100, survey - 10 + 20 * a.nextDouble()));
                evaluations.put("agency:" + agency.id(), evaluation(150 + a.nextInt(150), score, feedback.of("agency:" + agency.id())));
            }
        }
    }

    private static SplittableRandom random(String subject) {
        return new SplittableRandom(AssessmentEventLog.SEED ^ subject.hashCode());
    }

    private static ResidentEvaluation evaluation(long respondents, double survey, long[] feedback) {
        return new ResidentEvaluation(respondents, Math.round(survey * 10) / 10.0, feedback[0],
                feedback[0] == 0 ? null : (double) feedback[1] / feedback[0]);
    }

    /** Every agency and street scored from these indicators under the current schemes. */
    public ScoredPeriod score(ReportingPeriod period, Map<IndicatorSubject, IndicatorValues> indicators) {
        List<ScoredPeriod.ScoredAgency> agencies = new ArrayList<>();
        for (Agency agency : directory.list(null, null)) {
            AgencyInputs inputs = new AgencyInputs(agency.id(), agency.streetCode(),
                    indicators.getOrDefault(IndicatorSubject.agency(agency.id()), IndicatorValues.EMPTY),
                    evaluations.getOrDefault("agency:" + agency.id(), ResidentEvaluation.NONE));
            agencies.add(new ScoredPeriod.ScoredAgency(inputs, agencyScheme.score(inputs)));
        }
        List<ScoredPeriod.ScoredStreet> scoredStreets = new ArrayList<>();
        for (String street : streets) {
            StreetInputs inputs = new StreetInputs(street, indicators.getOrDefault(IndicatorSubject.street(street), IndicatorValues.EMPTY),
                    evaluations.get("street:" + street), recorded.get(street));
            scoredStreets.add(new ScoredPeriod.ScoredStreet(inputs, streetScheme.score(inputs)));
        }
        return new ScoredPeriod(period, agencyScheme.id(), streetScheme.id(), false, agencies, scoredStreets);
    }
}
