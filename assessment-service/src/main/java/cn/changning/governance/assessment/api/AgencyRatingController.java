package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.assessment.domain.rating.AgencyAssessment;
import cn.changning.governance.assessment.domain.rating.AgencyRatingCommands.ConfirmStreetRating;
import cn.changning.governance.assessment.domain.rating.AgencyRatingCommands.CorrectAgencyRating;
import cn.changning.governance.assessment.domain.rating.AgencyRatingCommands.RateAgencyByDepartment;
import cn.changning.governance.assessment.projection.rating.RatingQueries;
import cn.changning.governance.assessment.projection.rating.RatingViews.AgencyRating;
import cn.changning.governance.assessment.projection.rating.RatingViews.Eligibility;
import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.common.web.ActionAnswer;
import cn.changning.governance.common.web.ETags;
import cn.changning.governance.common.web.ExpectedVersion;
import cn.changning.governance.common.web.InvalidParameterException;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/**
 * An agency's dual rating: the drill-down of its score, the street's confirmation, the department's rating under the
 * veto rule, corrections, its history and its head's award eligibility. What the caller may not see answers 404.
 */
@RestController
@RequestMapping("/api/v1/assessments")
@Tag(name = "Agency ratings", description = "The street's and the department's ratings of a stationed agency, the veto rule, award eligibility")
public class AgencyRatingController {

    private final RatingCommandSender commands;
    private final RatingQueries queries;
    private final RatingAccess access;
    private final Clock clock;

    public AgencyRatingController(RatingCommandSender commands, RatingQueries queries, AgencyDirectory agencies, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.access = new RatingAccess(agencies);
        this.clock = clock;
    }

    public record RatingAction(String assessmentId, String periodId, String agencyId, long version) {
    }

    /** The drill-down's first steps: the card's lines with links to their facts, and the rating around them. */
    public record AgencyDrillDown(AgencyRating rating, List<ScoreLinks.LinkedLine> lines) {
    }

    @GetMapping("/periods/{period}/agencies/{agencyId}")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "An agency's score explained: each line of its card with links to the facts behind it",
            description = "An indicator line links to the facts of its numerator and denominator "
                    + "(/indicators/agencies/{agencyId}/{INDICATOR}/facts?period=&part=NUMERATOR|DENOMINATOR), the "
                    + "resident-evaluation line to /satisfaction/agencies/{agencyId}?period= and its /feedback (the cases behind it). Also the street's and the "
                    + "department's ratings, corrections and the head's eligibility. ETag: the assessment's version as the "
                    + "read model holds it.")
    public ResponseEntity<AgencyDrillDown> find(Actor actor, @PathVariable String period, @PathVariable String agencyId) {
        access.requireAgency(actor, agencyId);
        String periodId = periodId(period);
        AgencyRating rating = queries.agency(periodId, agencyId).orElseThrow(() -> new NotFoundException("agency rating", agencyId));
        return ResponseEntity.ok().eTag(ETags.of(rating.row().version()))
                .body(new AgencyDrillDown(rating, ScoreLinks.agencyLines(rating.card(), agencyId, periodId)));
    }

    @PostMapping("/periods/{period}/agencies/{agencyId}/street-rating")
    @RequiresScope(Scopes.ASSESSMENT_STREET)
    @Operation(summary = "The street centre of the agency's street confirms its rating",
            description = "Without a grade (or with the proposed one) the proposed grade is confirmed; another grade needs "
                    + "a reason (422 reason-required). Once confirmed, the rating changes only by a correction (409).")
    public ResponseEntity<RatingAction> rateByStreet(Actor actor, @PathVariable String period, @PathVariable String agencyId,
                                                     @Valid @RequestBody(required = false) RatingRequests.StreetRating body,
                                                     @Parameter(description = AssessmentPeriodController.IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = expected.value();
        access.requireAgency(actor, agencyId);
        String id = AgencyAssessment.idOf(periodId(period), agencyId);
        return act(id, agencyId, new ConfirmStreetRating(id, actor.street(), body == null ? null : body.grade(),
                body == null ? null : body.reason(), actor.clientId(), clock.instant(), version));
    }

    @PostMapping("/periods/{period}/agencies/{agencyId}/department-rating")
    @RequiresScope(Scopes.ASSESSMENT_DEPARTMENT)
    @Operation(summary = "The agency's parent department rates it, naming its head by an opaque staff id",
            description = "THE VETO RULE: EXCELLENT is refused (409 veto-street-not-rated / veto-street-not-excellent, "
                    + "with the reason) unless the street rated the agency EXCELLENT; other grades are always accepted. "
                    + "A street team gets no department rating (409). For a year, the head is eligible for the excellence "
                    + "award only when the department rates EXCELLENT. Rated once; then only corrections. The department may rate "
                    + "before the period is scored (the veto then refuses EXCELLENT: the street has not rated).")
    public ResponseEntity<RatingAction> rateByDepartment(Actor actor, @PathVariable String period, @PathVariable String agencyId,
                                                         @Valid @RequestBody RatingRequests.DepartmentRating body,
                                                         @Parameter(description = AssessmentPeriodController.IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = expected.value();
        Agency agency = access.requireAgency(actor, agencyId);
        String periodId = periodId(period);
        queries.period(periodId).orElseThrow(() -> new NotFoundException("assessment period", period));
        String id = AgencyAssessment.idOf(periodId, agencyId);
        // The department may act before scoring (any grade but EXCELLENT, which the veto keeps for after the street's).
        Object result = commands.sendCreatingIfMissing(new RateAgencyByDepartment(id, actor.department(), body.grade(),
                        body.headStaffId(), actor.clientId(), clock.instant(), version),
                () -> PeriodScoring.opening(periodId, agency, actor.clientId(), clock.instant()));
        return ActionAnswer.of(result, v -> new RatingAction(id, periodId, agencyId, v));
    }

    @PostMapping("/periods/{period}/agencies/{agencyId}/corrections")
    @RequiresScope(Scopes.ASSESSMENT_DISTRICT)
    @Operation(summary = "The district corrects a confirmed rating (the street's or the department's), with a reason",
            description = "The author is the caller. A department EXCELLENT is still under the veto rule; a street "
                    + "correction below EXCELLENT under a department EXCELLENT lowers the department's grade to GOOD "
                    + "(a second correction, marked vetoed) and the head becomes ineligible.")
    public ResponseEntity<RatingAction> correct(Actor actor, @PathVariable String period, @PathVariable String agencyId,
                                                @Valid @RequestBody RatingRequests.RatingCorrection body,
                                                @Parameter(description = AssessmentPeriodController.IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = expected.value();
        access.requireAgency(actor, agencyId);
        String id = AgencyAssessment.idOf(periodId(period), agencyId);
        return act(id, agencyId, new CorrectAgencyRating(id, body.side(), body.grade(), body.reason(), actor.clientId(),
                clock.instant(), version));
    }

    @GetMapping("/agencies/{agencyId}/history")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "An agency's ratings over all periods, oldest first")
    public Page<AgencyRating> history(Actor actor, @PathVariable String agencyId, PageQuery page) {
        access.requireAgency(actor, agencyId);
        return Page.of(queries.history(agencyId), page);
    }

    @GetMapping("/award-eligibility")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "The heads' eligibility for the year's excellence award, per agency, with the reason",
            description = "A head is eligible only when the department rated the agency EXCELLENT (so the street did too). "
                    + "Listed once the department named the head; only the agencies the caller may see.")
    public Page<Eligibility> eligibility(Actor actor, @RequestParam String year, PageQuery page) {
        return Page.of(queries.eligibility(year(year), a -> access.seesAgency(actor, a)), page);
    }

    @GetMapping("/award-eligibility/agencies/{agencyId}")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "One agency's head's eligibility for the year",
            description = "Until the department has rated the agency and named its head, the head is not eligible "
                    + "(eligible false, headStaffId null, the reason says what is missing). Unknown agencies answer 404.")
    public Eligibility agencyEligibility(Actor actor, @PathVariable String agencyId, @RequestParam String year) {
        access.requireAgency(actor, agencyId);
        int y = year(year);
        return queries.eligibility(y, agencyId::equals).stream().findFirst()
                .orElseGet(() -> new Eligibility(agencyId, null, y, false,
                        "not determined: the department has not rated the agency for " + y + " and named its head", null, null));
    }

    /** A head's staff id, as the department names it (never a name). */
    static final String HEAD_STAFF_ID = "^[A-Za-z0-9-]{3,40}$";

    @GetMapping("/award-eligibility/heads/{headStaffId}")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "One head's eligibility for the year, by staff id, for every agency it headed that the caller sees",
            description = "Empty when no department named this head for the year (or none the caller sees).")
    public List<Eligibility> headEligibility(Actor actor,
                                            @Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(pattern = HEAD_STAFF_ID))
                                            @PathVariable String headStaffId, @RequestParam String year) {
        if (!headStaffId.matches(HEAD_STAFF_ID)) {
            throw new cn.changning.governance.common.web.InvalidParameterException("headStaffId",
                    "is an opaque staff id: 3-40 letters, digits or dashes");
        }
        // A staff id no department named in the year is not an error (no directory of heads exists): nothing to list.
        return queries.eligibility(year(year), a -> access.seesAgency(actor, a)).stream()
                .filter(e -> headStaffId.equals(e.headStaffId())).toList();
    }

    private ResponseEntity<RatingAction> act(String id, String agencyId, Object command) {
        String periodId = id.substring(0, id.indexOf(':'));
        return ActionAnswer.of(commands.send(command), v -> new RatingAction(id, periodId, agencyId, v));
    }

    private static String periodId(String period) {
        if (!ReportingPeriod.isValid(period)) {
            throw new NotFoundException("assessment period", period);
        }
        return ReportingPeriod.parse(period).id();
    }

    private static int year(String year) {
        if (year == null || !year.matches("[0-9]{4}")) {
            throw new InvalidParameterException("year", "must be a year such as 2026");
        }
        return Integer.parseInt(year);
    }
}
