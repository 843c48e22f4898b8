package cn.changning.governance.assessment.domain.evaluation;

import cn.changning.governance.reference.agencies.AgencyType;

import java.util.EnumMap;
import java.util.Map;

/**
 * What one response says on the 0–100 scale: its score for the street (the mean of every question it answered) and
 * its score for each agency type it answered a question about (the mean of those questions).
 */
public record ResponseScores(double street, Map<AgencyType, Double> byAgencyType) {

    public static ResponseScores of(Map<String, Integer> rawScores, Questionnaire questionnaire) {
        double sum = 0;
        int count = 0;
        Map<AgencyType, double[]> byType = new EnumMap<>(AgencyType.class);
        for (Map.Entry<String, Integer> e : rawScores.entrySet()) {
            SurveyQuestion question = questionnaire.question(e.getKey()).orElse(null);
            if (question == null) {
                continue; // recorded under a questionnaire that had it; this one does not score it
            }
            double percent = questionnaire.toPercent(e.getValue());
            sum += percent;
            count++;
            if (question.agencyType() != null) {
                double[] acc = byType.computeIfAbsent(question.agencyType(), t -> new double[2]);
                acc[0] += percent;
                acc[1]++;
            }
        }
        Map<AgencyType, Double> means = new EnumMap<>(AgencyType.class);
        byType.forEach((type, acc) -> means.put(type, acc[0] / acc[1]));
        return new ResponseScores(count == 0 ? 0 : sum / count, means);
    }
}
