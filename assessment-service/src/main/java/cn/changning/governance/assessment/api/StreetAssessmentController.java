package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.scheme.SchemeLibrary;
import cn.changning.governance.assessment.domain.street.StreetAssessment;
import cn.changning.governance.assessment.domain.street.StreetAssessmentCommands.CorrectStreetAssessment;
import cn.changning.governance.assessment.domain.street.StreetAssessmentCommands.RecordStreetItemScore;
import cn.changning.governance.assessment.domain.street.StreetAssessmentCommands.StartStreetAssessment;
import cn.changning.governance.assessment.projection.rating.RatingQueries;
import cn.changning.governance.assessment.projection.rating.RatingViews.PeriodView;
import cn.changning.governance.assessment.projection.rating.RatingViews.StreetSheet;
import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.common.web.ActionAnswer;
import cn.changning.governance.common.web.ETags;
import cn.changning.governance.common.web.ExpectedVersion;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.contracts.identity.Scopes;
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
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** The district's yearly assessment of a street: its sheet explained, recorded item points, corrections. */
@RestController
@RequestMapping("/api/v1/assessments/periods/{year}/streets/{streetCode}")
@Tag(name = "Street assessments", description = "A street's score sheet for a year")
public class StreetAssessmentController {

    private final RatingCommandSender commands;
    private final RatingQueries queries;
    private final RatingAccess access;
    private final Clock clock;
    private final SchemeLibrary schemes;

    public StreetAssessmentController(RatingCommandSender commands, RatingQueries queries, AgencyDirectory agencies, Clock clock,
                                      SchemeLibrary schemes) {
        this.schemes = schemes;
        this.commands = commands;
        this.queries = queries;
        this.access = new RatingAccess(agencies);
        this.clock = clock;
    }

    public record SheetAction(String assessmentId, int year, String streetCode, long version) {
    }

    public record StreetDrillDown(StreetSheet sheet, List<ScoreLinks.LinkedLine> lines) {
    }

    @GetMapping
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "A street's sheet for the year, each line with links to the facts behind it",
            description = "The lines are the scheme's items. An INDICATOR item links to its indicator's facts "
                    + "(/indicators/streets/{code}/{INDICATOR}/facts?period=&part=NUMERATOR|DENOMINATOR), a survey SATISFACTION "
                    + "item to /surveys/{code}/{year}/coverage and the responses behind it (/surveys/{code}/responses?period=), "
                    + "a case-feedback item to /satisfaction/streets/{code}/feedback?period=. The district sees every street, a street centre its own; others 404.")
    public ResponseEntity<StreetDrillDown> find(Actor actor, @PathVariable String year, @PathVariable String streetCode) {
        access.requireStreet(actor, streetCode);
        int y = requireYear(year);
        StreetSheet sheet = queries.street(y, streetCode).orElseThrow(() -> new NotFoundException("street sheet", streetCode));
        return ResponseEntity.ok().eTag(ETags.of(sheet.row().version()))
                .body(new StreetDrillDown(sheet, ScoreLinks.streetLines(sheet.card(), streetCode, y,
                        code -> sheet.card() == null ? java.util.Optional.empty()
                                : schemes.street(sheet.card().schemeId()).flatMap(s -> s.item(code)))));
    }

    @PostMapping("/item-scores")
    @RequiresScope(Scopes.ASSESSMENT_DISTRICT)
    @Operation(summary = "The district records a street's points for an item no event measures",
            description = "Only before the year is confirmed (409 after: use a correction). The first record of a street "
                    + "begins its sheet (send If-Match: *). The next scoring of the year takes the points in.")
    public ResponseEntity<SheetAction> recordItemScore(Actor actor, @PathVariable String year, @PathVariable String streetCode,
                                                       @Valid @RequestBody RatingRequests.ItemScore body,
                                                       @Parameter(description = AssessmentPeriodController.IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = expected.value();
        access.requireStreet(actor, streetCode);
        int y = requireYear(year);
        String id = StreetAssessment.idOf(y, streetCode);
        Object result = commands.sendCreatingIfMissing(
                new RecordStreetItemScore(id, body.itemCode(), body.points(), actor.clientId(), clock.instant(), version),
                () -> new StartStreetAssessment(id, y, streetCode, actor.clientId(), clock.instant()));
        return ActionAnswer.of(result, v -> new SheetAction(id, y, streetCode, v));
    }

    @PostMapping("/corrections")
    @RequiresScope(Scopes.ASSESSMENT_DISTRICT)
    @Operation(summary = "The district corrects an item's points on a confirmed sheet, with a reason",
            description = "Before confirmation 409 (record the points instead); points between 0 and the item's maximum.")
    public ResponseEntity<SheetAction> correct(Actor actor, @PathVariable String year, @PathVariable String streetCode,
                                               @Valid @RequestBody RatingRequests.ItemCorrection body,
                                               @Parameter(description = AssessmentPeriodController.IF_MATCH_DOC) ExpectedVersion expected) {
        Long version = expected.value();
        access.requireStreet(actor, streetCode);
        int y = requireYear(year);
        String id = StreetAssessment.idOf(y, streetCode);
        return ActionAnswer.of(commands.send(new CorrectStreetAssessment(id, body.itemCode(), body.points(), body.reason(),
                actor.clientId(), clock.instant(), version)), v -> new SheetAction(id, y, streetCode, v));
    }

    /** The year must be an opened YEAR period. */
    private int requireYear(String year) {
        PeriodView period = year.matches("[0-9]{4}") ? queries.period(year).orElse(null) : null;
        if (period == null || !"YEAR".equals(period.periodKind())) {
            throw new NotFoundException("assessment year", year);
        }
        return Integer.parseInt(year);
    }
}
