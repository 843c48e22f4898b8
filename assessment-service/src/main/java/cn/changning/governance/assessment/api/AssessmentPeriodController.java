package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.period.ConfirmAssessmentPeriod;
import cn.changning.governance.assessment.domain.period.OpenAssessmentPeriod;
import cn.changning.governance.assessment.domain.period.PeriodKind;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.assessment.domain.scoring.IndicatorSource;
import cn.changning.governance.assessment.domain.scoring.ResidentEvaluationSource;
import cn.changning.governance.assessment.domain.scoring.SchemeCatalogue;
import cn.changning.governance.assessment.domain.street.StreetAssessment;
import cn.changning.governance.assessment.domain.street.StreetAssessmentCommands.ConfirmStreetAssessment;
import cn.changning.governance.assessment.projection.rating.RatingQueries;
import cn.changning.governance.assessment.projection.rating.RatingViews.AgencyRow;
import cn.changning.governance.assessment.projection.rating.RatingViews.PeriodView;
import cn.changning.governance.assessment.projection.rating.RatingViews.StreetRow;
import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.common.web.ActionAnswer;
import cn.changning.governance.common.web.ETags;
import cn.changning.governance.common.web.ExpectedVersion;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.AgencyType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Assessment periods: open, score, confirm; the agency scoreboard and the street ranking of a period, paged and as CSV.
 * Reads are filtered by {@link RatingAccess}; the district acts. Reads come from the read model, so a period just
 * opened is listed a moment later.
 */
@RestController
@RequestMapping("/api/v1/assessments/periods")
@Tag(name = "Assessment periods", description = "Open, score and confirm a period; scoreboards and rankings")
public class AssessmentPeriodController {

    static final String IF_MATCH_DOC = "Required. The resource's ETag as read (e.g. \"3\"), or * for any current version; "
            + "without it 428, and 412 if it changed since";

    private final RatingCommandSender commands;
    private final RatingQueries queries;
    private final AgencyDirectory agencies;
    private final RatingAccess access;
    private final ObjectProvider<SchemeCatalogue> schemes;
    private final ObjectProvider<IndicatorSource> indicators;
    private final ObjectProvider<ResidentEvaluationSource> evaluations;
    private final Clock clock;

    public AssessmentPeriodController(RatingCommandSender commands, RatingQueries queries, AgencyDirectory agencies,
                                      ObjectProvider<SchemeCatalogue> schemes, ObjectProvider<IndicatorSource> indicators,
                                      ObjectProvider<ResidentEvaluationSource> evaluations, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.agencies = agencies;
        this.access = new RatingAccess(agencies);
        this.schemes = schemes;
        this.indicators = indicators;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    public record PeriodAction(String periodId, long version) {
    }

    @PostMapping
    @RequiresScope(Scopes.ASSESSMENT_DISTRICT)
    @Operation(summary = "The district opens a period (a year, a quarter or a month) under its schemes",
            description = "Without scheme ids the catalogue's current ones are taken (503 if the catalogue is not available); "
                    + "named ones are checked when the period is scored. "
                    + "A year records an agency and a street scheme; a quarter or month only an agency scheme (a street "
                    + "scheme for it is refused, 422). A period is opened once (409 after).")
    public ResponseEntity<PeriodAction> open(Actor actor, @Valid @RequestBody RatingRequests.OpenPeriod body) {
        ReportingPeriod period = ReportingPeriod.parse(body.period());
        boolean year = period.kind() == PeriodKind.YEAR;
        String agencyScheme = body.agencySchemeId() != null ? body.agencySchemeId() : catalogue().currentAgencySchemeId();
        String streetScheme = !year ? body.streetSchemeId()
                : body.streetSchemeId() != null ? body.streetSchemeId() : catalogue().currentStreetSchemeId();
        // Named schemes are taken as given and checked when the period is scored (409 unknown-scheme then).
        commands.send(new OpenAssessmentPeriod(period.id(), agencyScheme, streetScheme, actor.clientId(), clock.instant()));
        long v = 0; // a creation answers the aggregate's id: its one event is version 0
        return ResponseEntity.status(HttpStatus.CREATED).eTag(ETags.of(v))
                .location(java.net.URI.create("/api/v1/assessments/periods/" + period.id())).body(new PeriodAction(period.id(), v));
    }

    @GetMapping
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "The periods, newest first, with their schemes and state (OPEN, SCORED, CONFIRMED)")
    public Page<PeriodView> list(PageQuery page) {
        return Page.of(queries.periods(), page);
    }

    @GetMapping("/{period}")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "One period; its version as ETag (If-Match of the confirmation)")
    public ResponseEntity<PeriodView> find(@PathVariable String period) {
        PeriodView view = requirePeriod(period);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @PostMapping("/{period}/scoring")
    @RequiresScope(Scopes.ASSESSMENT_DISTRICT)
    @Operation(summary = "The district scores the period: every agency and street team (70) and, for a year, every street (10)",
            description = "Inputs come from the indicators and the residents' evaluation of the period, scored under the "
                    + "period's schemes; the street's rating is proposed, a street's sheet set (with the points the district "
                    + "recorded). Retrying changes nothing twice. Allowed until the period is confirmed; a subject whose "
                    + "confirmed rating a new score would change is refused (409 listing them). 503 while scoring's "
                    + "sources are not available.")
    public Object score(Actor actor, @PathVariable String period) {
        PeriodView view = requirePeriod(period);
        IndicatorSource indicatorSource = indicators.getIfAvailable();
        ResidentEvaluationSource evaluationSource = evaluations.getIfAvailable();
        SchemeCatalogue catalogue = schemes.getIfAvailable();
        if (indicatorSource == null || evaluationSource == null || catalogue == null) {
            throw unavailable();
        }
        PeriodScoring.Outcome outcome = new PeriodScoring(agencies, indicatorSource, evaluationSource, catalogue, commands)
                .score(ReportingPeriod.parse(view.periodId()), view.agencySchemeId(), view.streetSchemeId(), actor.clientId(), clock.instant());
        return ResponseEntity.ok().eTag(ETags.of(outcome.periodVersion())).body(outcome);
    }

    @PostMapping("/{period}/confirmation")
    @RequiresScope(Scopes.ASSESSMENT_DISTRICT)
    @Operation(summary = "The district confirms the period (If-Match: the period's ETag)",
            description = "Refused (409) until the period is scored and every agency's street has confirmed its rating "
                    + "(and, for a year, every street's sheet is scored), with the list of what is missing. Confirming a "
                    + "year confirms its street sheets. After it, results change only by corrections with a reason.")
    public ResponseEntity<PeriodAction> confirm(Actor actor, @PathVariable String period,
                                                @Parameter(description = IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = expected.value();
        PeriodView view = requirePeriod(period);
        ReportingPeriod p = ReportingPeriod.parse(view.periodId());
        List<String> streets = streetCodes();
        List<String> missing = queries.missing(p, agencies.list(null, null).stream().map(Agency::id).toList(), streets);
        Object result;
        try {
            result = commands.send(new ConfirmAssessmentPeriod(p.id(), missing, actor.clientId(), clock.instant(), version));
        } catch (DomainRuleViolation refused) {
            if ("period-confirmed".equals(refused.code())) {
                confirmSheets(p, streets, actor); // a retry after a failure half-way still confirms every sheet
            }
            throw refused;
        }
        confirmSheets(p, streets, actor);
        return ActionAnswer.of(result, v -> new PeriodAction(p.id(), v));
    }

    @GetMapping("/{period}/agencies")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "The agency scoreboard of a period: rank (1 = highest total; ties share), total, grades, corrections",
            description = "Ranks are over the whole district; the page holds only the agencies the caller may see (a street "
                    + "centre its street's, a department its own, an agency itself, the district all).")
    public Page<AgencyRow> agencies(Actor actor, @PathVariable String period, PageQuery page) {
        PeriodView view = requirePeriod(period);
        return Page.of(queries.scoreboard(view.periodId(), row -> access.seesAgency(actor, row.agencyId())), page);
    }

    @GetMapping(value = "/{period}/scoreboards/agencies.csv", produces = "text/csv")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "The agency scoreboard as CSV (UTF-8, header line, the rows the caller may see)")
    public ResponseEntity<String> agenciesCsv(Actor actor, @PathVariable String period) {
        PeriodView view = requirePeriod(period);
        String body = "rank,agencyId,streetCode,agencyType,parentDepartment,total,proposedGrade,streetGrade,departmentGrade,corrections,headEligible\n"
                + queries.scoreboard(view.periodId(), row -> access.seesAgency(actor, row.agencyId())).stream()
                .map(r -> join(r.rank(), r.agencyId(), r.streetCode(), r.agencyType(), r.parentDepartment(), r.total(),
                        r.proposedGrade(), r.streetGrade(), r.departmentGrade(), r.corrections(), r.headEligible()))
                .collect(Collectors.joining());
        return csv(body, "agencies-" + view.periodId() + ".csv");
    }

    @GetMapping("/{year}/streets")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "The street ranking of a year by total (the district sees all streets, a street centre its own)")
    public Page<StreetRow> streets(Actor actor, @PathVariable String year, PageQuery page) {
        PeriodView view = requireYear(year);
        return Page.of(queries.streets(Integer.parseInt(view.periodId())).stream()
                .filter(r -> access.seesStreet(actor, r.streetCode())).toList(), page);
    }

    @GetMapping(value = "/{year}/scoreboards/streets.csv", produces = "text/csv")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "The street ranking of a year as CSV")
    public ResponseEntity<String> streetsCsv(Actor actor, @PathVariable String year) {
        PeriodView view = requireYear(year);
        String body = "rank,streetCode,year,total,confirmed,corrections\n" + queries.streets(Integer.parseInt(view.periodId())).stream()
                .filter(r -> access.seesStreet(actor, r.streetCode()))
                .map(r -> join(r.rank(), r.streetCode(), r.year(), r.total(), r.confirmed(), r.corrections()))
                .collect(Collectors.joining());
        return csv(body, "streets-" + view.periodId() + ".csv");
    }

    /** A year's confirmation confirms its street sheets (each confirms once; again changes nothing). */
    private void confirmSheets(ReportingPeriod p, List<String> streets, Actor actor) {
        if (p.kind() == PeriodKind.YEAR) {
            streets.forEach(street -> commands.send(new ConfirmStreetAssessment(StreetAssessment.idOf(p.year(), street),
                    actor.clientId(), clock.instant())));
        }
    }

    private PeriodView requirePeriod(String period) {
        if (!ReportingPeriod.isValid(period)) {
            throw new NotFoundException("assessment period", period);
        }
        return queries.period(ReportingPeriod.parse(period).id()).orElseThrow(() -> new NotFoundException("assessment period", period));
    }

    private PeriodView requireYear(String year) {
        PeriodView view = requirePeriod(year);
        if (!"YEAR".equals(view.periodKind())) {
            throw new NotFoundException("street ranking (streets are assessed per year)", year);
        }
        return view;
    }

    private List<String> streetCodes() {
        return agencies.list(null, AgencyType.STREET_TEAM).stream().map(Agency::streetCode).toList();
    }

    private SchemeCatalogue catalogue() {
        SchemeCatalogue catalogue = schemes.getIfAvailable();
        if (catalogue == null) {
            throw unavailable();
        }
        return catalogue;
    }

    static ErrorResponseException unavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "scoring is not available");
        problem.setTitle("Scoring is not available");
        problem.setProperty("code", "scoring-unavailable");
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
    }

    private static String join(Object... fields) {
        return java.util.Arrays.stream(fields).map(ScoreLinks::csv).collect(Collectors.joining(",")) + "\n";
    }

    private static ResponseEntity<String> csv(String body, String filename) {
        return ResponseEntity.ok().contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").body(body);
    }
}
