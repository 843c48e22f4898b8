package cn.changning.governance.assessment.projection.evaluation;

import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.evaluation.SurveyIds;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.assessment.domain.scoring.ResidentEvaluationSource;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.AgencyType;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.changning.governance.assessment.projection.evaluation.EvaluationDocuments.*;

/**
 * What residents said of a street or an agency in a period, from the survey-response and case-feedback read models.
 * <ul>
 *   <li>A street: its survey's respondents in the period and the mean of their scores (each response's score is the
 *   mean of the questions it answered); the feedback on the cases filed in the street.</li>
 *   <li>An agency: the responses in its street that answered a question about its type, and the mean of their scores
 *   for that type; the feedback on the cases it led (the last lead a dispatch or handling named).</li>
 * </ul>
 * A part without answers has no score (null), never 0.
 */
public class ResidentEvaluationQueries implements ResidentEvaluationSource {

    /** Documents per reply of a long find (a year's responses and feedback): see IndicatorQueries.FIND_BATCH. */
    static final int FIND_BATCH = 2_000;

    private final MongoTemplate mongo;
    private final AgencyDirectory agencies;

    public ResidentEvaluationQueries(MongoTemplate mongo, AgencyDirectory agencies) {
        this.mongo = mongo;
        this.agencies = agencies;
    }

    @Override
    public ResidentEvaluation evaluation(SubjectKind kind, String subjectId, ReportingPeriod period) {
        return switch (kind) {
            case STREET -> {
                Mean survey = new Mean();
                responses().find(Filters.and(Filters.eq(STREET_CODE, subjectId), Filters.eq(PERIODS, period.id())))
                        .projection(Projections.include(SCORE)).batchSize(FIND_BATCH)
                        .forEach(d -> survey.add(d.get(SCORE, Number.class).doubleValue()));
                yield survey.with(feedback(Filters.eq(STREET_CODE, subjectId), period));
            }
            case AGENCY -> {
                Agency agency = agencies.find(subjectId).orElse(null);
                Mean survey = new Mean();
                if (agency != null && agency.type() instanceof AgencyType type) {
                    responses().find(Filters.and(Filters.eq(STREET_CODE, agency.streetCode()), Filters.eq(PERIODS, period.id())))
                            .projection(Projections.include(TYPE_SCORES)).batchSize(FIND_BATCH)
                            .forEach(d -> {
                                Number score = d.get(TYPE_SCORES, Document.class).get(type.name(), Number.class);
                                if (score != null) {
                                    survey.add(score.doubleValue());
                                }
                            });
                }
                yield survey.with(feedback(Filters.eq(LEAD_AGENCY_ID, subjectId), period));
            }
        };
    }

    /**
     * Every street's or every agency's evaluation in the period, in two reads of the period's documents (what scoring
     * asks for 10 streets and 70 agencies at once): each street and agency of the directory, NONE where nothing was
     * said, and any other party that led cases with feedback (a district unit).
     */
    @Override
    public Map<String, ResidentEvaluation> evaluations(SubjectKind kind, ReportingPeriod period) {
        Map<String, Mean> surveys = new HashMap<>();
        Map<String, Mean> feedback = new HashMap<>();
        for (Document d : responses().find(Filters.eq(PERIODS, period.id())).projection(Projections.include(STREET_CODE, SCORE, TYPE_SCORES)).batchSize(FIND_BATCH)) {
            String street = d.getString(STREET_CODE);
            if (kind == SubjectKind.STREET) {
                surveys.computeIfAbsent(street, s -> new Mean()).add(d.get(SCORE, Number.class).doubleValue());
            } else {
                for (Map.Entry<String, Object> typeScore : d.get(TYPE_SCORES, Document.class).entrySet()) {
                    surveys.computeIfAbsent(street + "|" + typeScore.getKey(), s -> new Mean()).add(((Number) typeScore.getValue()).doubleValue());
                }
            }
        }
        String by = kind == SubjectKind.STREET ? STREET_CODE : LEAD_AGENCY_ID;
        for (Document d : mongo.getCollection(FEEDBACK).find(Filters.and(Filters.eq(PERIODS, period.id()), Filters.exists(FEEDBACK_SCORE))).projection(Projections.include(by, FEEDBACK_SCORE)).batchSize(FIND_BATCH)) {
            String subject = d.getString(by);
            if (subject != null) {
                feedback.computeIfAbsent(subject, s -> new Mean()).add(d.get(FEEDBACK_SCORE, Number.class).doubleValue());
            }
        }
        Map<String, ResidentEvaluation> result = new TreeMap<>();
        if (kind == SubjectKind.STREET) {
            agencies.list(null, AgencyType.STREET_TEAM).forEach(team -> result.put(team.streetCode(), ResidentEvaluation.NONE));
            surveys.keySet().forEach(s -> result.put(s, ResidentEvaluation.NONE));
            feedback.keySet().forEach(s -> result.put(s, ResidentEvaluation.NONE));
            result.replaceAll((street, none) -> surveys.getOrDefault(street, new Mean()).with(feedback.getOrDefault(street, new Mean())));
        } else {
            agencies.list(null, null).forEach(a -> result.put(a.id(), ResidentEvaluation.NONE));
            feedback.keySet().forEach(a -> result.put(a, ResidentEvaluation.NONE));
            result.replaceAll((agencyId, none) -> {
                Agency agency = agencies.find(agencyId).orElse(null);
                Mean survey = agency == null ? new Mean() : surveys.getOrDefault(agency.streetCode() + "|" + agency.type().name(), new Mean());
                return survey.with(feedback.getOrDefault(agencyId, new Mean()));
            });
        }
        return result;
    }

    /** The respondents of a street's survey of a year. */
    public long respondents(String streetCode, int year) {
        return responses().countDocuments(Filters.eq(SURVEY_ID, SurveyIds.of(streetCode, year)));
    }

    /** The respondents of every street's survey of a year, by street (a street without any is absent). */
    public Map<String, Long> respondentsByStreet(int year) {
        Map<String, Long> counts = new TreeMap<>();
        for (Document d : responses().find(Filters.eq(YEAR, year)).projection(Projections.include(STREET_CODE)).batchSize(FIND_BATCH)) {
            counts.merge(d.getString(STREET_CODE), 1L, Long::sum);
        }
        return counts;
    }

    /** One response as the drill-down shows it: category, date, its scores (raw and 0–100). No personal data. */
    public record ResponseView(String responseId, String respondentCategory, String answeredOn, double score,
                               Map<String, Double> agencyTypeScores, Map<String, Integer> scores, String questionnaireVersion) {
    }

    /** A street's responses in the period, by date then response id. */
    public Page<ResponseView> responses(String streetCode, ReportingPeriod period, PageQuery page) {
        Bson filter = Filters.and(Filters.eq(STREET_CODE, streetCode), Filters.eq(PERIODS, period.id()));
        long total = responses().countDocuments(filter);
        List<ResponseView> items = responses().find(filter).sort(Sorts.ascending(ANSWERED_ON, RESPONSE_ID))
                .skip((int) page.offset()).limit(page.size())
                .map(d -> {
                    Map<String, Double> types = new LinkedHashMap<>();
                    d.get(TYPE_SCORES, Document.class).forEach((k, v) -> types.put(k, ((Number) v).doubleValue()));
                    Map<String, Integer> raw = new LinkedHashMap<>();
                    d.get(SCORES, Document.class).forEach((k, v) -> raw.put(k, ((Number) v).intValue()));
                    return new ResponseView(d.getString(RESPONSE_ID), d.getString(CATEGORY), d.getString(ANSWERED_ON),
                            d.get(SCORE, Number.class).doubleValue(), types, raw, d.getString(QUESTIONNAIRE));
                })
                .into(new java.util.ArrayList<>());
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** One case behind a feedback score. */
    public record FeedbackCaseView(String caseId, String streetCode, String leadAgencyId, String satisfaction, int score,
                                   Instant recordedAt, String recordedOn) {
    }

    /** The cases with feedback in the period of a street (filed there) or an agency (it led them), newest first. */
    public Page<FeedbackCaseView> feedbackCases(SubjectKind kind, String subjectId, ReportingPeriod period, PageQuery page) {
        Bson filter = Filters.and(Filters.eq(kind == SubjectKind.STREET ? STREET_CODE : LEAD_AGENCY_ID, subjectId),
                Filters.eq(PERIODS, period.id()), Filters.exists(FEEDBACK_SCORE));
        MongoCollection<Document> feedback = mongo.getCollection(FEEDBACK);
        long total = feedback.countDocuments(filter);
        List<FeedbackCaseView> items = feedback.find(filter).sort(Sorts.orderBy(Sorts.descending(FEEDBACK_AT), Sorts.ascending("_id")))
                .skip((int) page.offset()).limit(page.size())
                .map(d -> new FeedbackCaseView(d.getString("_id"), d.getString(STREET_CODE), d.getString(LEAD_AGENCY_ID),
                        d.getString(SATISFACTION), d.get(FEEDBACK_SCORE, Number.class).intValue(),
                        d.getDate(FEEDBACK_AT).toInstant(), d.getString(FEEDBACK_ON)))
                .into(new java.util.ArrayList<>());
        return new Page<>(items, page.page(), page.size(), total);
    }

    private MongoCollection<Document> responses() {
        return mongo.getCollection(RESPONSES);
    }

    private Mean feedback(Bson subject, ReportingPeriod period) {
        Mean mean = new Mean();
        mongo.getCollection(FEEDBACK).find(Filters.and(subject, Filters.eq(PERIODS, period.id()), Filters.exists(FEEDBACK_SCORE)))
                .projection(Projections.include(FEEDBACK_SCORE)).batchSize(FIND_BATCH)
                .forEach(d -> mean.add(d.get(FEEDBACK_SCORE, Number.class).doubleValue()));
        return mean;
    }

    /** A running mean; no values, no mean. */
    private static final class Mean {
        private long count;
        private double sum;

        void add(double value) {
            count++;
            sum += value;
        }

        Double value() {
            return count == 0 ? null : Math.min(100.0, Math.max(0.0, sum / count));
        }

        ResidentEvaluation with(Mean feedback) {
            return new ResidentEvaluation(count, value(), feedback.count, feedback.value());
        }
    }
}
