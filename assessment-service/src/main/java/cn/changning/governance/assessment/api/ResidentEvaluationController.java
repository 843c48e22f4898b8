package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.assessment.projection.evaluation.ResidentEvaluationQueries;
import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Resident evaluation", description = "Satisfaction per street and per agency in a period: the survey and the "
        + "residents' feedback on cases, and the feedback cases behind the score")
public class ResidentEvaluationController {

    static final String BASE = "/api/v1/assessments/satisfaction";

    private final ResidentEvaluationQueries queries;
    private final EvaluationAccess access;

    public ResidentEvaluationController(ResidentEvaluationQueries queries, AgencyDirectory agencies) {
        this.queries = queries;
        this.access = new EvaluationAccess(agencies);
    }

    /**
     * What residents said of a subject in a period.
     *
     * @param streetCode the street (for an agency: the street it is stationed in)
     * @param agencyType for an agency, its type; null for a street
     */
    public record Satisfaction(SubjectKind kind, String subjectId, String streetCode, String agencyType, String period,
                               long respondents, Double surveyScore, long feedbackCount, Double feedbackScore) {

        static Satisfaction of(SubjectKind kind, String id, String street, String type, ReportingPeriod period, ResidentEvaluation e) {
            return new Satisfaction(kind, id, street, type, period.id(), e.respondents(), e.surveyScore(), e.feedbackCount(), e.feedbackScore());
        }
    }

    private static final String SCORES = "Scores are 0-100 and null when nobody answered (never 0). Survey: each response "
            + "scores 1-5 per question, 1 = 0 and 5 = 100; feedback on a case: satisfied 100, basically satisfied 80, "
            + "dissatisfied 0, counted in the period of the feedback's date (Asia/Shanghai). period: 2026, 2026-Q3 or 2026-07.";

    @GetMapping(BASE + "/streets/{streetCode}")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "A street's satisfaction in a period", description = "respondents: the street's survey responses "
            + "answered in the period; surveyScore: the mean of their scores (a response's score is the mean of the questions "
            + "it answered); feedbackCount/feedbackScore: the cases filed in the street with feedback in the period and their "
            + "mean. " + SCORES + " A street centre sees its street, the district every street; others 404.")
    public Satisfaction street(Actor actor, @PathVariable String streetCode, @RequestParam String period) {
        access.requireStreet(actor, streetCode);
        ReportingPeriod p = SurveyController.period(period);
        return Satisfaction.of(SubjectKind.STREET, streetCode, streetCode, null, p, queries.evaluation(SubjectKind.STREET, streetCode, p));
    }

    @GetMapping(BASE + "/agencies/{agencyId}")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "An agency's satisfaction in a period", description = "respondents: the responses in its street that "
            + "answered a question about its type (e.g. the police station's service); surveyScore: the mean of their scores "
            + "for those questions; feedbackCount/feedbackScore: the cases it led (the last lead a dispatch or handling named) "
            + "with feedback in the period. " + SCORES + " A street centre sees its street's agencies, an agency itself, a "
            + "department its own agencies, the district all; others 404.")
    public Satisfaction agency(Actor actor, @PathVariable String agencyId, @RequestParam String period) {
        Agency agency = access.requireAgency(actor, agencyId);
        ReportingPeriod p = SurveyController.period(period);
        return Satisfaction.of(SubjectKind.AGENCY, agencyId, agency.streetCode(), agency.type().name(), p,
                queries.evaluation(SubjectKind.AGENCY, agencyId, p));
    }

    @GetMapping(BASE + "/streets/{streetCode}/feedback")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "The feedback cases behind a street's feedback score", description = "The cases filed in the street "
            + "with feedback in the period, newest feedback first, paged: case id, lead agency, satisfaction and its score. "
            + "Visibility as for the street's satisfaction.")
    public Page<ResidentEvaluationQueries.FeedbackCaseView> streetFeedback(Actor actor, @PathVariable String streetCode,
                                                                          @RequestParam String period, PageQuery page) {
        access.requireStreet(actor, streetCode);
        return queries.feedbackCases(SubjectKind.STREET, streetCode, SurveyController.period(period), page);
    }

    @GetMapping(BASE + "/agencies/{agencyId}/feedback")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "The feedback cases behind an agency's feedback score", description = "The cases it led with feedback "
            + "in the period, newest feedback first, paged. Visibility as for the agency's satisfaction.")
    public Page<ResidentEvaluationQueries.FeedbackCaseView> agencyFeedback(Actor actor, @PathVariable String agencyId,
                                                                          @RequestParam String period, PageQuery page) {
        access.requireAgency(actor, agencyId);
        return queries.feedbackCases(SubjectKind.AGENCY, agencyId, SurveyController.period(period), page);
    }
}
