package cn.changning.governance.partyregistry.api;

import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.common.web.InvalidParameterException;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.partyregistry.projection.statistics.RegistryIndicators;
import cn.changning.governance.partyregistry.projection.statistics.StatisticsFields;
import cn.changning.governance.partyregistry.projection.statistics.StatisticsFields.Scope;
import cn.changning.governance.partyregistry.projection.statistics.StatisticsQueries;
import cn.changning.governance.partyregistry.projection.statistics.StatisticsViews;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.ResidentialArea;
import cn.changning.governance.reference.geography.Subdistrict;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The registry's statistics (统计查询), pre-aggregated: every answer reads a few counter documents, never the members.
 * Places are the reference data's: the district ({@value StatisticsFields#DISTRICT_CODE}), its 10 streets and 185
 * residential areas (an unknown code is 404). A member's erasure changes no figure.
 */
@RestController
@RequestMapping("/api/v1/party/statistics")
@Tag(name = "Registry statistics", description = "Counts by street, residential area and kind; 507030; police coverage; workers per 150 two-new organisations; trends")
public class StatisticsController {

    static final String ON_DOC = "The reporting date (yyyy-MM-dd), default today";
    static final int MAX_TREND_MONTHS = 120;

    private final StatisticsQueries queries;
    private final Geography geography;
    private final Clock clock;

    public StatisticsController(StatisticsQueries queries, Geography geography, Clock clock) {
        this.queries = queries;
        this.geography = geography;
        this.clock = clock;
    }

    public record WorkerRatios(StatisticsViews.WorkerRatio district, List<StatisticsViews.WorkerRatio> streets) {
    }

    @GetMapping("/district")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "The district's counts: organisations by kind, members by category, buildings, resident units by "
            + "category and the \"two new\" ones (NEW_ECONOMIC + NEW_SOCIAL), youth-league organisations, trade unions, workers")
    public StatisticsViews.PlaceCounts district() {
        return queries.placeCounts(Scope.DISTRICT, List.of(StatisticsFields.DISTRICT_CODE)).get(0);
    }

    @GetMapping("/streets")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "Each street's counts, in the reference data's order",
            description = "Members are counted where their organisation is now: a transfer moves the count.")
    public List<StatisticsViews.PlaceCounts> streets() {
        return queries.placeCounts(Scope.STREET, streetCodes());
    }

    @GetMapping("/streets/{streetCode}")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "One street's counts")
    public StatisticsViews.PlaceCounts street(@PathVariable String streetCode) {
        requireStreet(streetCode);
        return queries.placeCounts(Scope.STREET, List.of(streetCode)).get(0);
    }

    @GetMapping("/residential-areas")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "Each residential area's counts (organisations, members, buildings, resident units), of one street or all",
            description = "Youth-league organisations, trade unions and workers are registered per street: 0 here.")
    public Page<StatisticsViews.PlaceCounts> areas(@RequestParam(required = false) String streetCode, PageQuery page) {
        List<String> codes = (streetCode == null ? geography.residentialAreas() : geography.residentialAreasInSubdistrict(
                requireStreet(streetCode))).stream().map(ResidentialArea::code).toList();
        Page<String> slice = Page.of(codes, page);
        return new Page<>(queries.placeCounts(Scope.AREA, slice.items()), slice.page(), slice.size(), slice.total());
    }

    @GetMapping("/residential-areas/{areaCode}")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "One residential area's counts")
    public StatisticsViews.PlaceCounts area(@PathVariable String areaCode) {
        geography.residentialArea(areaCode).orElseThrow(() -> new NotFoundException("residential area", areaCode));
        return queries.placeCounts(Scope.AREA, List.of(areaCode)).get(0);
    }

    @GetMapping("/secretaries-507030")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "The \"507030\" indicators of the residential-area party secretaries in office, with targets",
            description = "careerEstablishment: share on the career establishment, target at least 0.50. workingAge: share "
                    + "under " + RegistryIndicators.RETIREMENT_AGE + " in the reporting year (reporting year - birth year < "
                    + RegistryIndicators.RETIREMENT_AGE + "; birth years only are kept), target \"about 70%\" read as at "
                    + "least 0.70. bornIn1970sOr1980s: born 1970-1989, target \"about 30%\" read as at least 0.30. Shares "
                    + "are rounded to 4 decimals; met compares the exact counts. Only the secretary in office counts: an "
                    + "appointment replaces the predecessor. Of the district, or of one street (streetCode).")
    public StatisticsViews.Secretaries507030 secretaries(@RequestParam(required = false) String on,
                                                         @RequestParam(required = false) String streetCode) {
        return streetCode == null
                ? queries.secretaries507030(Scope.DISTRICT, StatisticsFields.DISTRICT_CODE, date(on))
                : queries.secretaries507030(Scope.STREET, requireStreet(streetCode), date(on));
    }

    @GetMapping("/police-coverage")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "Community police coverage: areas without an officer in post, officers in post under 5 years, "
            + "party members among the officers, areas with a cross-appointed deputy secretary",
            description = "areas: the reference data's (185 in the district). officersInPostUnderFiveYears: in post on the "
                    + "reporting date for less than 5 years since their first day (officers whose first day is after the "
                    + "reporting date are not counted in post; areasWithOfficer counts the areas with an officer assigned "
                    + "as the registry stands now). During a handover an area has two "
                    + "officers in post. partyMemberOfficers: of the registered officers. releasesWithinFiveYears: "
                    + "officers released after less than 5 years (warnings).")
    public StatisticsViews.PoliceCoverage coverage(@RequestParam(required = false) String on,
                                                   @RequestParam(required = false) String streetCode) {
        if (streetCode == null) {
            return queries.coverage(Scope.DISTRICT, StatisticsFields.DISTRICT_CODE, date(on), geography.residentialAreas().size());
        }
        return queries.coverage(Scope.STREET, requireStreet(streetCode), date(on),
                geography.residentialAreasInSubdistrict(streetCode).size());
    }

    @GetMapping("/party-workers")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "Full-time party-and-mass workers per 150 \"two new\" organisations, of the district and each street",
            description = "Two new = resident units of category NEW_ECONOMIC or NEW_SOCIAL. fullTimeWorkersPer150 = "
                    + "full-time workers x 150 / two-new organisations (null without any); fullTimeWorkersRequired = "
                    + "ceil(two-new / 150); met: at least one full-time worker per 150.")
    public WorkerRatios workers() {
        return new WorkerRatios(queries.workers(Scope.DISTRICT, List.of(StatisticsFields.DISTRICT_CODE)).get(0),
                queries.workers(Scope.STREET, streetCodes()));
    }

    @GetMapping("/new-members-police-share")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "The share of community police among the year's new party members (goal at least 0.10)",
            description = "Registered officers whose joinedPartyOn falls in the year, of the members whose joinedOn falls "
                    + "in the year (an officer who is a member is among them).")
    public StatisticsViews.NewMembersPoliceShare newMembersPoliceShare(@RequestParam(required = false) String year) {
        return queries.newMembersPoliceShare(year == null ? LocalDate.now(clock).getYear() : year(year));
    }

    @GetMapping("/monthly-trends")
    @RequiresScope(Scopes.REGISTRY_READ)
    @Operation(summary = "Members joined and organisations founded per month (yyyy-MM), of the district or one street",
            description = "A member counts in the street of registration (a later transfer does not move the month). From "
                    + "from to to inclusive, at most " + MAX_TREND_MONTHS + " months; default the last 12 months.")
    public List<StatisticsViews.MonthlyTrend> trends(@RequestParam(required = false) String from,
                                                     @RequestParam(required = false) String to,
                                                     @RequestParam(required = false) String streetCode) {
        YearMonth end = to == null ? YearMonth.now(clock) : month(to, "to");
        YearMonth start = from == null ? end.minusMonths(11) : month(from, "from");
        if (start.isAfter(end)) {
            throw new InvalidParameterException("from", "must not be after to");
        }
        if (start.plusMonths(MAX_TREND_MONTHS).isBefore(end.plusMonths(1))) {
            throw new InvalidParameterException("from", "at most " + MAX_TREND_MONTHS + " months at once");
        }
        return streetCode == null
                ? queries.monthlyTrends(Scope.DISTRICT, StatisticsFields.DISTRICT_CODE, start, end)
                : queries.monthlyTrends(Scope.STREET, requireStreet(streetCode), start, end);
    }

    private List<String> streetCodes() {
        return geography.subdistricts().stream().map(Subdistrict::code).toList();
    }

    private String requireStreet(String code) {
        return geography.subdistrict(code).map(Subdistrict::code).orElseThrow(() -> new NotFoundException("street", code));
    }

    private LocalDate date(String on) {
        if (on == null) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(on);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("on", "must be a date such as 2026-12-01");
        }
    }

    private static int year(String year) {
        if (!year.matches("[0-9]{4}")) {
            throw new InvalidParameterException("year", "must be a year such as 2026");
        }
        return Integer.parseInt(year);
    }

    private static YearMonth month(String value, String parameter) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, "must be a month such as 2026-03");
        }
    }
}
