package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.indicator.CountedFact;
import cn.changning.governance.assessment.domain.indicator.FactPart;
import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.indicator.Ratio;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.assessment.projection.indicator.IndicatorQueries;
import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.common.web.InvalidParameterException;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.identity.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** An agency's or a street's indicators in a period, and the facts behind each count (the drill-down's last step). */
@RestController
@Tag(name = "Indicators", description = "The indicators of digital urban management, per agency and per street")
public class IndicatorController {

    static final String BASE = "/api/v1/assessments/indicators";
    static final String VISIBILITY = " Who may read: the district centre every subject; a street centre its street and the "
            + "agencies stationed in it; an agency itself; a department the agencies it stations. Any other subject, and an "
            + "unknown one, is 404.";
    static final String PERIOD_RULE = "A period is a year (2026), a quarter (2026-Q3) or a month (2026-07) of the working "
            + "calendar (Asia/Shanghai): a fact is in the period its clock's date (in Asia/Shanghai) falls in; a bad period is 400.";

    private final IndicatorQueries queries;
    private final IndicatorAccess access;

    public IndicatorController(IndicatorQueries queries, IndicatorAccess access) {
        this.queries = queries;
        this.access = access;
    }

    /** One indicator's counts and definition, with the links to the facts behind each count. */
    public record IndicatorAnswer(Indicator indicator, String label, long numerator, long denominator, Double value,
                                  boolean higherIsBetter, String numeratorDefinition, String denominatorDefinition,
                                  String clock, String definition, String numeratorFacts, String denominatorFacts) {
    }

    /** A subject's indicators in a period. */
    public record SubjectIndicators(SubjectKind subjectKind, String subjectId, String period, List<IndicatorAnswer> indicators) {
    }

    /** One fact behind a count: its case and order, the agency whose part it is, when, and why it counts. */
    public record FactAnswer(String caseId, String orderId, String agencyId, Instant placedAt, Map<String, Instant> instants,
                             boolean inNumerator, String reason) {
        static FactAnswer of(CountedFact f) {
            return new FactAnswer(f.caseId(), f.orderId(), f.agencyId(), f.placedAt(), f.instants(), f.inNumerator(), f.reason());
        }
    }

    @GetMapping(BASE + "/agencies/{agencyId}")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "An agency's indicators in a period",
            description = "Every indicator counted for agencies (all but on-time filing and repeat cases): numerator, "
                    + "denominator, value (numerator / denominator; null when the denominator is 0) and its definition. An "
                    + "agency's order indicators count the orders it leads (its current lead after a reassignment); its return "
                    + "rate the parts dispatched to it. Withdrawn orders count nowhere; an order on hold counts by its deadline "
                    + "once resumed. " + PERIOD_RULE + VISIBILITY)
    public SubjectIndicators agencyIndicators(Actor actor, @PathVariable String agencyId,
                                    @Parameter(description = "2026, 2026-Q3 or 2026-07") @RequestParam String period) {
        ReportingPeriod p = period(period);
        access.agency(actor, agencyId);
        return answer(SubjectKind.AGENCY, agencyId, p, queries.indicators(SubjectKind.AGENCY, agencyId, p));
    }

    @GetMapping(BASE + "/streets/{streetCode}")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "A street's indicators in a period",
            description = "Every indicator: numerator, denominator, value (null when the denominator is 0) and its "
                    + "definition, counting the orders and cases in the street. " + PERIOD_RULE + VISIBILITY)
    public SubjectIndicators streetIndicators(Actor actor, @PathVariable String streetCode,
                                    @Parameter(description = "2026, 2026-Q3 or 2026-07") @RequestParam String period) {
        ReportingPeriod p = period(period);
        access.street(actor, streetCode);
        return answer(SubjectKind.STREET, streetCode, p, queries.indicators(SubjectKind.STREET, streetCode, p));
    }

    @GetMapping(BASE + "/agencies/{agencyId}/{indicator}/facts")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "The facts behind an agency's indicator",
            description = "The orders (case id, order id, the agency's part) in the indicator's NUMERATOR or DENOMINATOR for "
                    + "the agency in the period, each with the instants that placed and decided it and why it counts; sorted by "
                    + "the instant that placed it in the period, then order id; paged. An indicator that is not counted for "
                    + "agencies is 404; a bad part is 400. " + PERIOD_RULE + VISIBILITY)
    public Page<FactAnswer> agencyIndicatorFacts(Actor actor, @PathVariable String agencyId, @Parameter(schema = @Schema(implementation = Indicator.class)) @PathVariable String indicator,
                                        @Parameter(description = "2026, 2026-Q3 or 2026-07") @RequestParam String period,
                                        @Parameter(description = "NUMERATOR or DENOMINATOR", schema = @Schema(implementation = FactPart.class)) @RequestParam String part,
                                        PageQuery page) {
        ReportingPeriod p = period(period);
        FactPart which = part(part);
        access.agency(actor, agencyId);
        Indicator i = indicator(indicator, SubjectKind.AGENCY);
        return queries.facts(i, SubjectKind.AGENCY, agencyId, p, which, page).map(FactAnswer::of);
    }

    @GetMapping(BASE + "/streets/{streetCode}/{indicator}/facts")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "The facts behind a street's indicator",
            description = "The orders or cases in the indicator's NUMERATOR or DENOMINATOR for the street in the period, each "
                    + "with the instants that placed and decided it and why it counts; sorted by the instant that placed it in "
                    + "the period; paged. A bad part is 400. " + PERIOD_RULE + VISIBILITY)
    public Page<FactAnswer> streetIndicatorFacts(Actor actor, @PathVariable String streetCode, @Parameter(schema = @Schema(implementation = Indicator.class)) @PathVariable String indicator,
                                        @Parameter(description = "2026, 2026-Q3 or 2026-07") @RequestParam String period,
                                        @Parameter(description = "NUMERATOR or DENOMINATOR", schema = @Schema(implementation = FactPart.class)) @RequestParam String part,
                                        PageQuery page) {
        ReportingPeriod p = period(period);
        FactPart which = part(part);
        access.street(actor, streetCode);
        Indicator i = indicator(indicator, SubjectKind.STREET);
        return queries.facts(i, SubjectKind.STREET, streetCode, p, which, page).map(FactAnswer::of);
    }

    /** The path of the facts behind one count (the drill-down link of scores and answers). */
    public static String factsPath(SubjectKind kind, String subjectId, Indicator indicator, ReportingPeriod period, FactPart part) {
        return BASE + (kind == SubjectKind.AGENCY ? "/agencies/" : "/streets/") + subjectId + "/" + indicator.name()
                + "/facts?period=" + period.id() + "&part=" + part.name();
    }

    private static SubjectIndicators answer(SubjectKind kind, String id, ReportingPeriod period, IndicatorValues values) {
        List<IndicatorAnswer> answers = Arrays.stream(Indicator.values()).filter(i -> i.subjects().contains(kind)).map(i -> {
            Ratio r = values.of(i);
            return new IndicatorAnswer(i, i.label(), r.numerator(), r.denominator(), r.value(), i.higherIsBetter(),
                    i.numerator(), i.denominator(), i.clock(), i.definition(),
                    factsPath(kind, id, i, period, FactPart.NUMERATOR), factsPath(kind, id, i, period, FactPart.DENOMINATOR));
        }).toList();
        return new SubjectIndicators(kind, id, period.id(), answers);
    }

    private static ReportingPeriod period(String period) {
        try {
            return ReportingPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("period", e.getMessage());
        }
    }

    private static FactPart part(String part) {
        for (FactPart p : FactPart.values()) {
            if (p.name().equals(part)) {
                return p;
            }
        }
        throw new InvalidParameterException("part", "is NUMERATOR or DENOMINATOR");
    }

    private static Indicator indicator(String name, SubjectKind kind) {
        for (Indicator i : Indicator.values()) {
            if (i.name().equals(name) && i.subjects().contains(kind)) {
                return i;
            }
        }
        throw new NotFoundException("indicator", name);
    }
}
